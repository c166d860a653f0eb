"""``iwp template check``: EN templates (Word with docxtpl tags, blank PDF forms) checked for CI.

One template goes: read the bytes -> (Word) the tags of every paragraph: syntax, block
structure, tags split across runs, unknown filters, variables against the context schema ->
the template read with its tags neutralised: sections, labels and the 15 terms its kind must
hold -> (Word) a dry render with a sample context, checked like any filled document. The
result is a DocumentResult like ``iwp check``'s, so every report format works unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iwp_pipeline import __version__
from iwp_pipeline.checker import components
from iwp_pipeline.errors import InputError, UnsupportedFormat, UsageError
from iwp_pipeline.extract.interpret import interpret
from iwp_pipeline.extract.layout import Layout
from iwp_pipeline.model import DocumentResult, ErrorInfo, Record, Report, Severity, Status
from iwp_pipeline.pipeline import RunOptions, build_and_check, document_filetype, read_bytes
from iwp_pipeline.render import TEMPLATE_KINDS
from iwp_pipeline.resources import schema_file
from iwp_pipeline.tplcheck.content import (
    IF_CLOSE,
    IF_ELIF,
    IF_ELSE,
    KINDS,
    Content,
    check_content,
    detect_kind,
    if_open,
    read_content,
)
from iwp_pipeline.tplcheck.issue import Issue

TEMPLATE_SUFFIXES = frozenset({".docx", ".pdf"})
STRUCTURE_RULES = frozenset({"TPL10", "TPL11", "TPL12", "TPL13", "TPL14", "TPL15", "TPL16", "TPL17", "TPL20",
                             "TPL21", "TPL30"})
"""Rules about missing content; a dry-render error on the same component (and term) repeats them."""


@dataclass(frozen=True, slots=True)
class TemplateOptions:
    """Everything that shapes a template check."""

    kind: str | None = None
    """``iwp``, ``amendment`` or ``coversheet``; None detects it from the title."""
    sample: Path | None = None
    """A JSON file: the record (kind iwp) or render context (other kinds) for the dry render."""
    filters: frozenset[str] = frozenset()
    """Filters the EN's renderer adds to Jinja's own."""
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def keeps(self, rule: str) -> bool:
        """Whether findings of ``rule`` are reported under --select / --ignore."""
        return RunOptions(select=self.select, ignore=self.ignore).keeps(rule)


def discover_templates(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; a folder stands for every .docx and .pdf inside it, recursively, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted((p for p in path.rglob("*") if p.suffix.lower() in TEMPLATE_SUFFIXES and p.is_file()),
                            key=lambda p: p.as_posix())
        else:
            found.append(path)
    return found


def check_templates(paths: Sequence[str | os.PathLike[str]], options: TemplateOptions | None = None) -> Report:
    """Check every template named or found under ``paths``."""
    options = options or TemplateOptions()
    if options.kind is not None and options.kind not in KINDS:
        raise UsageError(f"unknown template kind {options.kind!r} (use {', '.join(KINDS)})")
    sample = _load_sample(options.sample) if options.sample else None
    results = tuple(check_template(p, options, sample=sample, display=str(p)) for p in discover_templates(paths))
    return Report(documents=results, tool_version=__version__)


def check_template(path: Path, options: TemplateOptions, *, sample: Mapping[str, Any] | None = None,
                   display: str | None = None) -> DocumentResult:
    """Check one template; a file that cannot be read is that document's error, never an exception."""
    display = display or str(path)
    digest, kind_name = None, "unknown"
    try:
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        filetype = document_filetype(data)
        if filetype == "docx":
            kind_name = "docx"
            record, issues, template_kind = _check_docx(data, options, sample)
        elif filetype == "pdf":
            record, issues, kind_name, template_kind = _check_pdf(data, options)
        else:
            raise UnsupportedFormat("a template must be a Word (DOCX) file or a PDF form")
    except InputError as exc:
        return DocumentResult(path=display, sha256=digest, kind=kind_name, status=Status.ERROR,
                              error=ErrorInfo(exc.code, exc.message))
    findings = [f for f in (i.finding() for i in issues) if options.keeps(f.rule)]
    status = Status.NONCOMPLIANT if any(f.severity is Severity.ERROR for f in findings) else Status.COMPLIANT
    return DocumentResult(path=display, sha256=digest, kind=kind_name, status=status, record=record,
                          findings=tuple(findings),
                          document_type="coversheet" if template_kind == "coversheet" else record.document_type,
                          components=components(record, findings))


def _check_docx(data: bytes, options: TemplateOptions,
                sample: Mapping[str, Any] | None) -> tuple[Record, list[Issue], str]:
    from iwp_pipeline.extract.docx_reader import core_title, read_docx
    from iwp_pipeline.tplcheck import jinja_check as jc
    from iwp_pipeline.tplcheck.docx_source import open_docx, rewrite
    from iwp_pipeline.tplcheck.dry_render import environment, render_docx, rendered_issues

    source = open_docx(data)
    places = [p.location for p in source.pieces]
    scan = jc.scan([p.text for p in source.pieces], places)
    issues: list[Issue] = list(scan.issues)
    issues += jc.split_tags(scan.tags, [p.runs for p in source.pieces], places)
    issues += jc.block_structure(scan.tags, places)
    env = environment(options.filters)
    syntax_ok = not any(i.rule == "TPL01" for i in issues)
    tree = None
    if syntax_ok:
        tree, problems = jc.parse(env, scan.lines, places)
        issues += problems
    replacements, conditions = _neutraliser(scan.tags)
    layout = read_docx(rewrite(source, replacements))
    content, record, kind = _read(layout, options, conditions, title=core_title(data))
    if tree is not None:
        issues += jc.unknown_filters(env, tree, places, options.filters)
        schema_name = TEMPLATE_KINDS[kind].schema
        schema = _context_schema(schema_name)
        if schema is None:
            issues.append(Issue("TPL07", f"There is no {schema_name}: the template's variables were not checked."))
        else:
            issues += jc.unknown_variables(jc.variable_uses(tree, env), schema, schema_name, places)
    rendered, problems = None, []
    if tree is not None and not any(i.rule in ("TPL01", "TPL04") for i in issues):
        rendered, problems = render_docx(data, _context(kind, sample), env)
    # Wording that comes from the context (a coversheet's routing text is data) counts once rendered.
    rendered_text = "\n".join(line.text for line in read_docx(rendered).lines) \
        if rendered is not None and kind == "coversheet" else ""
    issues += check_content(content, kind, rendered_text=rendered_text) + problems
    if rendered is not None and kind in ("iwp", "amendment"):
        _, _, rendered_findings = build_and_check(rendered, RunOptions())
        sample_name = "given sample" if sample is not None else _SAMPLE_NAMES[kind]
        issues += _new_only(rendered_issues(rendered_findings, sample_name), issues)
    return record, issues, kind


def _check_pdf(data: bytes, options: TemplateOptions) -> tuple[Record, list[Issue], str, str]:
    from iwp_pipeline.extract import read_layout

    layout = read_layout(data, "pdf")
    content, record, kind = _read(layout, options)
    return record, check_content(content, kind), layout.kind, kind


def _read(layout: Layout, options: TemplateOptions, conditions: Mapping[int, str] | None = None, *,
          title: str | None = None) -> tuple[Content, Record, str]:
    content = read_content(layout, conditions)
    kind = options.kind or detect_kind(content, title)
    return content, interpret(content.layout), kind




def _neutraliser(tags: Sequence[Any]) -> tuple[Any, dict[int, str]]:
    """Replacements for the placeholder copy, and the condition of each ``{% if %}`` by its number.

    Values become «path»; ``{% if %}``, ``{% elif %}``, ``{% else %}`` (of an if) and ``{% endif %}``
    become markers (:mod:`iwp_pipeline.tplcheck.content`); other tags disappear.
    """
    from iwp_pipeline.tplcheck.jinja_check import block_opener

    by_piece: dict[int, list[tuple[int, int, str]]] = {}
    conditions: dict[int, str] = {}
    stack: list[str] = []
    for number, tag in enumerate(tags):
        word, text = tag.keyword, ""
        if tag.kind == "{{":
            inner = tag.source[2:-2].strip().lstrip("-").rstrip("-").strip()
            text = "«" + (inner.split("|")[0].strip() or "value") + "»"
        elif word == "if":
            text = if_open(number)
            conditions[number] = _condition(tag.source)
            stack.append(word)
        elif word in ("elif", "else"):
            if stack and stack[-1] == "if":
                text = IF_ELSE if word == "else" else IF_ELIF
        elif word.startswith("end"):
            if word == "endif":
                text = IF_CLOSE
            if stack and "end" + stack[-1] == word:
                stack.pop()
        elif block_opener(tag):
            stack.append(word)
        by_piece.setdefault(tag.piece, []).append((tag.start, tag.end, text))

    def replacements(index: int, text: str) -> list[tuple[int, int, str]]:
        return by_piece.get(index, [])

    return replacements, conditions


def _condition(source: str) -> str:
    """The expression of an ``{% if ... %}`` tag."""
    m = re.match(r"\{%-?\s*if\s+(.*?)\s*-?%\}$", source, re.S)
    return m.group(1) if m else ""


def _context_schema(name: str) -> Mapping[str, Any] | None:
    from iwp_pipeline.resources import load_schema

    if not schema_file(name).is_file():
        return None
    schema: Mapping[str, Any] = load_schema(name)
    return schema


def _context(kind: str, sample: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The dry-render context, built by the same code as a real render of the kind.

    The builders are :data:`iwp_pipeline.render.TEMPLATE_KINDS`; for a kind without a builder
    yet, ``--sample``'s JSON or a context made from the kind's schema.
    """
    from iwp_pipeline.render import sample_context
    from iwp_pipeline.tplcheck.schema_paths import sample_instance

    built = sample_context(kind, sample)
    if built is not None:
        return built
    if sample is not None:
        return sample
    schema = _context_schema(TEMPLATE_KINDS[kind].schema)
    value = sample_instance(schema) if schema is not None else {}
    return value if isinstance(value, dict) else {}


_SAMPLE_NAMES = {"iwp": "sample record", "amendment": "sample amendment"}


def _new_only(rendered: list[Issue], structural: list[Issue]) -> list[Issue]:
    """Dry-render issues that do not repeat a missing section, label or term already reported."""
    seen = {(f.component, f.term) for f in (i.finding() for i in structural if i.rule in STRUCTURE_RULES)}
    seen_components = {c for c, _ in seen}
    return [i for i in rendered if (i.component, i.term) not in seen
            and not (i.term is None and i.component in seen_components)]


def _load_sample(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UsageError(f"cannot read the sample {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise UsageError(f"the sample {path} is not valid JSON") from exc
    if not isinstance(data, dict):
        raise UsageError(f"the sample {path} must be a JSON object")
    return data


__all__ = ["TemplateOptions", "check_template", "check_templates", "discover_templates"]
