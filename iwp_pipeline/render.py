"""Render Word documents from the bundled docxtpl templates: a whole IWP, an amendment, a coversheet.

Rendering works on bytes in memory; nothing here reads or writes the user's files (the CLI
writes the result atomically).

This module is the one place that says how each template kind is rendered, for ``iwp render``
and ``iwp amend`` as for the dry render of ``iwp template check``:

* :func:`jinja_environment`: XML escaping and the project's own Jinja filters (:data:`FILTERS`);
* :data:`TEMPLATE_KINDS`: for each kind its bundled template, its context schema and how the
  sample context of the dry render is built.

The IWP template (``templates/iwp.docx``) is rendered with :func:`iwp_context`: the record's JSON
as ``Record.to_dict()`` gives it (the shape of ``schemas/iwp.schema.json``, without
``provenance``), with ``terms_and_conditions`` listed in term order, one entry per term, so
that ``terms_and_conditions[N - 1]`` is term N. There are no helper values outside the schema:
the template prints a term when ``terms_and_conditions[N - 1].present`` and a service's name
with the ``service_label`` filter.

The amendment template is rendered with the context of ``schemas/amendment-context.schema.json``
(built by :func:`iwp_pipeline.amend.amendment_context`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError, Undefined
from jsonschema import Draft202012Validator

from iwp_pipeline.errors import GenerationError, InputError
from iwp_pipeline.model import SERVICES, Record, record_from_dict
from iwp_pipeline.reference import terms_catalogue
from iwp_pipeline.resources import load_json_data, schema_validator, template_file

IWP_TEMPLATE = "iwp.docx"
AMENDMENT_TEMPLATE = "amendment.docx"

SERVICE_NAMES = {
    "benefits_counseling": "Benefits Counseling", "goal_setting": "Goal Setting", "job_coaching": "Job Coaching",
    "job_development": "Job Development", "training": "Training", "job_search": "Job Search",
    "job_accommodation": "Job Accommodation", "job_placement": "Job Placement",
    "follow_up_initial": "Follow-up (initial phase)", "follow_up_ongoing": "Follow-up (ongoing phase)",
    "job_stabilization": "Job Stabilization", "career_advancement": "Career Advancement", "other": "Other:",
}
assert set(SERVICE_NAMES) == set(SERVICES)


# --- the Jinja environment ------------------------------------------------------------------------


def service_label(key: Any) -> str:
    """Jinja filter ``service_label``: the readable name of a service key (``job_search`` -> Job Search)."""
    if key is None or isinstance(key, Undefined):
        return ""
    return SERVICE_NAMES.get(str(key), str(key))


FILTERS: Mapping[str, Callable[..., Any]] = {"service_label": service_label}
"""The filters iwp-pipeline's renderer adds to Jinja's own (``iwp template check`` knows them too)."""


def jinja_environment(*, undefined: type[Undefined] = Undefined) -> Environment:
    """The environment every template of the project is rendered with: XML escaping and :data:`FILTERS`.

    ``undefined`` is Jinja's default for real renders; the template check passes a lenient one
    so that a template with an unknown variable still renders (the variable is its own finding).
    """
    env = Environment(autoescape=True, undefined=undefined)
    env.filters.update(FILTERS)
    return env


def render_docx(template: bytes, context: Mapping[str, Any], env: Environment) -> bytes:
    """Render docxtpl template bytes with ``context`` in ``env``; Jinja and docxtpl errors propagate."""
    from docxtpl import DocxTemplate  # imported here: only rendering needs it (keeps `iwp` start-up light)

    document = DocxTemplate(io.BytesIO(template))
    document.render(dict(context), jinja_env=env)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_template(name: str, context: Mapping[str, Any]) -> bytes:
    """Render a bundled docxtpl template with ``context`` (values are XML-escaped)."""
    with template_file(name).open("rb") as handle:
        data = handle.read()
    try:
        return render_docx(data, context, jinja_environment())
    except TemplateError as exc:
        raise GenerationError(f"template {name} could not be rendered ({type(exc).__name__})") from exc


# --- contexts -------------------------------------------------------------------------------------


def iwp_context(record: Record) -> dict[str, Any]:
    """The IWP template's context: the record's JSON without provenance, the terms in term order.

    ``terms_and_conditions`` has one entry per term, term N at index N - 1 (a term the record
    does not list is ``{"number": N, "present": false, "evidence": null}``); the context is still
    an instance of ``schemas/iwp.schema.json``.
    """
    data = record.to_dict()
    data.pop("provenance", None)
    data["terms_and_conditions"] = _terms_in_order(data.get("terms_and_conditions") or [])
    return data


def _terms_in_order(terms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = []
    for spec in terms_catalogue():
        same = [t for t in terms if t.get("number") == spec.number]
        chosen = next((t for t in same if t.get("present")), same[0] if same else None)
        ordered.append(chosen if chosen is not None else {"number": spec.number, "present": False, "evidence": None})
    return ordered


def render_iwp(record: Record) -> bytes:
    """A complete IWP as a Word document from a record (the SSN is printed in full)."""
    return render_template(IWP_TEMPLATE, iwp_context(record))


def _amendment_validator() -> Draft202012Validator:
    return schema_validator("amendment-context.schema.json")  # type: ignore[no-any-return]


def render_amendment(context: Mapping[str, Any]) -> bytes:
    """An amendment as a Word document; ``context`` must match amendment-context.schema.json."""
    error = next(iter(_amendment_validator().iter_errors(context)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise GenerationError(f"amendment context does not match its schema at {where}: {error.message[:120]}")
    return render_template(AMENDMENT_TEMPLATE, context)


def render_record_file(path: Path) -> bytes:
    """The IWP (Word bytes) rendered from the record in ``path`` (a JSON record or an IWP document)."""
    from iwp_pipeline.pipeline import extract_path

    record = extract_path(path)
    if record.document_type != "iwp":
        raise InputError("not an IWP record: nothing to render", code="not-an-iwp")
    return render_iwp(record)


# --- template kinds -------------------------------------------------------------------------------

SampleBuilder = Callable[[Mapping[str, Any] | None], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class TemplateKind:
    """A kind of template: what it is checked against and what its dry render is given."""

    name: str
    template: str
    """The bundled template, ``templates/<template>``."""
    schema: str
    """The context schema (``schemas/<schema>``): every variable of a template of this kind is a path of it."""
    sample: SampleBuilder | None
    """The dry render's context, from the JSON of ``--sample`` (None: the bundled samples), built by
    the same code as a real render. None: not written yet, and the template check builds a
    context from the schema instead."""


def _iwp_sample(sample: Mapping[str, Any] | None) -> dict[str, Any]:
    """--sample is an IWP record; by default the bundled fictional record."""
    return iwp_context(record_from_dict(sample if sample is not None else load_json_data("sample-record.json")))


def _amendment_sample(sample: Mapping[str, Any] | None) -> dict[str, Any]:
    """--sample is an amendment context; by default :func:`iwp_pipeline.amend.sample_amendment_context`.

    That is the amendment of the bundled record by the bundled changes (``data/sample-changes.json``),
    signed, made by ``iwp amend``'s own code.
    """
    if sample is not None:
        return dict(sample)
    from iwp_pipeline.amend import sample_amendment_context

    return sample_amendment_context()


def _coversheet_sample(sample: Mapping[str, Any] | None) -> dict[str, Any]:
    """--sample is an IWP record (by default the bundled one); the coversheet of a new IWP for it.

    Built by ``iwp coversheet``'s own code; it is sent three days after the later signature, so the
    dates on the dry render are those of the record and do not depend on today.
    """
    from dataclasses import replace
    from datetime import timedelta

    from iwp_pipeline.coversheet import CoversheetOptions, build_coversheet

    record = record_from_dict(sample if sample is not None else load_json_data("sample-record.json"))
    coversheet = build_coversheet(record, CoversheetOptions(reason="new"), pages=5)
    if coversheet.later_signature is not None:
        coversheet = replace(coversheet, date_sent=coversheet.later_signature + timedelta(days=3))
    return coversheet.context()


TEMPLATE_KINDS: Mapping[str, TemplateKind] = {
    "iwp": TemplateKind("iwp", IWP_TEMPLATE, "iwp.schema.json", _iwp_sample),
    "amendment": TemplateKind("amendment", AMENDMENT_TEMPLATE, "amendment-context.schema.json", _amendment_sample),
    "coversheet": TemplateKind("coversheet", "coversheet.docx", "coversheet-context.schema.json",
                               _coversheet_sample),
}
"""Every template kind, by name (``iwp template check --kind``)."""


def sample_context(kind: str, sample: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """The dry-render context of ``kind`` (None when the kind has no builder yet)."""
    builder = TEMPLATE_KINDS[kind].sample
    return builder(sample) if builder is not None else None
