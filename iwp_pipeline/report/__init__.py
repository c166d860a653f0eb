"""Renderers: a Report in, text out. Adding a format means adding one module and one entry."""

from __future__ import annotations

from collections.abc import Callable

from iwp_pipeline.model import Report
from iwp_pipeline.report import html, jsonfmt, markdown, text

Renderer = Callable[[Report], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": jsonfmt.render,
    "markdown": markdown.render,
    "html": html.render,
}
"""Format name -> renderer."""
