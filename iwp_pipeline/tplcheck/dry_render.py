"""Render a Word template with a sample context, as the EN's own software would, and check it."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Mapping
from typing import Any

from jinja2 import ChainableUndefined, Environment
from jinja2.exceptions import TemplateError

from iwp_pipeline.model import Finding, Severity
from iwp_pipeline.tplcheck.issue import Issue

RENDERED_PART = "rendered"
"""``location.part`` of a finding about the rendered document (its paragraph numbering)."""


def environment(extra_filters: frozenset[str] = frozenset()) -> Environment:
    """The Jinja environment templates are checked and rendered with.

    Values are escaped for XML (a name with '&' must not break the document); undefined values
    render empty (unknown variables are reported by their own check). ``extra_filters`` are
    filters the EN's renderer registers: accepted by the check, applied as no-ops in the render.
    """
    env = Environment(autoescape=True, undefined=ChainableUndefined)
    for name in extra_filters:
        env.filters.setdefault(name, _identity)
    return env


def _identity(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def render_docx(data: bytes, context: Mapping[str, Any], env: Environment) -> tuple[bytes | None, list[Issue]]:
    """The rendered Word file, or the render error as a TPL06 issue."""
    from docxtpl import DocxTemplate

    try:
        template = DocxTemplate(io.BytesIO(data))
        template.render(dict(context), jinja_env=env)
        out = io.BytesIO()
        template.save(out)
    except TemplateError as exc:
        return None, [Issue("TPL06", f"The template does not render with the sample context: "
                                     f"{type(exc).__name__}: {_one_line(str(exc))}")]
    except Exception as exc:  # noqa: BLE001  docxtpl raises lxml, zip and type errors on broken templates
        return None, [Issue("TPL06", f"The template does not render with the sample context "
                                     f"({type(exc).__name__}: {_one_line(str(exc))}).")]
    return out.getvalue(), []


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rendered_issues(findings: list[Finding]) -> list[Issue]:
    """The errors of the rendered document as TPL05 issues (component and term kept)."""
    issues = []
    for f in findings:
        if f.severity is not Severity.ERROR:
            continue
        where = dataclasses.replace(f.location, part=RENDERED_PART) if f.location else None
        issues.append(Issue("TPL05", f"Rendered with the sample record, the document fails {f.rule}: {f.message}",
                            where, component=f.component, term=f.term, pointer=f.pointer))
    return issues
