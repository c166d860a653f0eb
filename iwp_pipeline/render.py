"""Render Word documents from the bundled docxtpl templates: a whole IWP and an amendment.

Rendering works on bytes in memory; nothing here reads or writes the user's files (the CLI
writes the result atomically).

The IWP template (``templates/iwp.docx``) is rendered with the record's JSON exactly as
``Record.to_dict()`` gives it (the shape of ``schemas/iwp.schema.json``, without
``provenance``) plus these helper values:

* ``terms_present``: the numbers of the terms the record marks present (the template prints its
  own wording of each of them);
* ``service_names``: a readable name for each service key, used when a service has no label.

The amendment template is rendered with the context of ``schemas/amendment-context.schema.json``
(built by :func:`iwp_pipeline.amend.amendment_context`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jsonschema import Draft202012Validator

from iwp_pipeline.errors import GenerationError, InputError
from iwp_pipeline.model import SERVICES, Record
from iwp_pipeline.resources import load_schema, template_file

IWP_TEMPLATE = "iwp.docx"
AMENDMENT_TEMPLATE = "amendment.docx"
HELPERS = ("terms_present", "service_names")
"""The names the IWP template context adds to the record's JSON."""

SERVICE_NAMES = {
    "benefits_counseling": "Benefits Counseling", "goal_setting": "Goal Setting", "job_coaching": "Job Coaching",
    "job_development": "Job Development", "training": "Training", "job_search": "Job Search",
    "job_accommodation": "Job Accommodation", "job_placement": "Job Placement",
    "follow_up_initial": "Follow-up (initial phase)", "follow_up_ongoing": "Follow-up (ongoing phase)",
    "job_stabilization": "Job Stabilization", "career_advancement": "Career Advancement", "other": "Other:",
}
assert set(SERVICE_NAMES) == set(SERVICES)


def iwp_context(record: Record) -> dict[str, Any]:
    """The IWP template's context: the record's JSON plus the :data:`HELPERS`."""
    data = record.to_dict()
    data.pop("provenance", None)
    data["terms_present"] = sorted({t.number for t in record.terms_and_conditions if t.present})
    data["service_names"] = dict(SERVICE_NAMES)
    return data


def render_iwp(record: Record) -> bytes:
    """A complete IWP as a Word document from a record (the SSN is printed in full)."""
    return render_template(IWP_TEMPLATE, iwp_context(record))


@cache
def _amendment_validator() -> Draft202012Validator:
    schema = load_schema("amendment-context.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def render_amendment(context: Mapping[str, Any]) -> bytes:
    """An amendment as a Word document; ``context`` must match amendment-context.schema.json."""
    error = next(iter(_amendment_validator().iter_errors(context)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise GenerationError(f"amendment context does not match its schema at {where}: {error.message[:120]}")
    return render_template(AMENDMENT_TEMPLATE, context)


def render_template(name: str, context: Mapping[str, Any]) -> bytes:
    """Render a bundled docxtpl template with ``context`` (values are XML-escaped)."""
    with template_file(name).open("rb") as handle:
        template = DocxTemplate(io.BytesIO(handle.read()))
    try:
        template.render(dict(context), autoescape=True)
    except TemplateError as exc:
        raise GenerationError(f"template {name} could not be rendered ({type(exc).__name__})") from exc
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def render_record_file(path: Path) -> bytes:
    """The IWP (Word bytes) rendered from the record in ``path`` (a JSON record or an IWP document)."""
    from iwp_pipeline.pipeline import extract_path

    record = extract_path(path)
    if record.document_type != "iwp":
        raise InputError("not an IWP record: nothing to render", code="not-an-iwp")
    return render_iwp(record)
