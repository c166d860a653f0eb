"""Render a Word template with a sample context, as a real render would, and check the result.

The render is iwp-pipeline's own (:func:`iwp_pipeline.render.render_docx` in the environment of
:func:`iwp_pipeline.render.jinja_environment`: XML escaping and the project's filters), and the
sample context is built by the same code as ``iwp render`` / ``iwp amend``
(:data:`iwp_pipeline.render.TEMPLATE_KINDS`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from jinja2 import ChainableUndefined, Environment
from jinja2.exceptions import TemplateError

from iwp_pipeline.model import Finding, Severity
from iwp_pipeline.render import jinja_environment
from iwp_pipeline.render import render_docx as _render
from iwp_pipeline.tplcheck.issue import Issue, short

RENDERED_PART = "rendered"
"""``location.part`` of a finding about the rendered document (its paragraph numbering)."""


def environment(extra_filters: frozenset[str] = frozenset()) -> Environment:
    """The Jinja environment templates are checked and rendered with.

    The project renderer's own environment (values escaped for XML, its filters such as
    ``service_label``), except that undefined values render empty (unknown variables are
    reported by their own check). ``extra_filters`` are filters the EN's renderer registers:
    accepted by the check, applied as no-ops in the render.
    """
    env = jinja_environment(undefined=ChainableUndefined)
    for name in extra_filters:
        env.filters.setdefault(name, _identity)
    return env


def _identity(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def render_docx(data: bytes, context: Mapping[str, Any], env: Environment) -> tuple[bytes | None, list[Issue]]:
    """The rendered Word file, or the render error as a TPL06 issue."""
    try:
        return _render(data, context, env), []
    except TemplateError as exc:
        return None, [Issue("TPL06", f"The template does not render with the sample context: "
                                     f"{type(exc).__name__}: {_one_line(str(exc))}")]
    except Exception as exc:  # noqa: BLE001  docxtpl raises lxml, zip and type errors on broken templates
        return None, [Issue("TPL06", f"The template does not render with the sample context "
                                     f"({type(exc).__name__}: {_one_line(str(exc))}).")]


def _one_line(text: str) -> str:
    return short(text, 160)


def rendered_issues(findings: list[Finding], sample: str = "sample record") -> list[Issue]:
    """The errors of the rendered document as TPL05 issues (component and term kept)."""
    issues = []
    for f in findings:
        if f.severity is not Severity.ERROR:
            continue
        where = dataclasses.replace(f.location, part=RENDERED_PART) if f.location else None
        issues.append(Issue("TPL05", f"Rendered with the {sample}, the document fails {f.rule}: {f.message}",
                            where, component=f.component, term=f.term, pointer=f.pointer))
    return issues
