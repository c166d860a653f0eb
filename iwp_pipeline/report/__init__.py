"""Renderers: a Report in, text out. Adding a format means adding one module and one entry."""

from __future__ import annotations

from collections.abc import Callable

from iwp_pipeline.model import Report
from iwp_pipeline.report import github, html, jsonfmt, junit, markdown, sarif, tabular, text

Renderer = Callable[[Report], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": jsonfmt.render,
    "markdown": markdown.render,
    "html": html.render,
    "csv": tabular.render_csv,
    "jsonl": tabular.render_jsonl,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
}
"""Format name -> renderer."""
