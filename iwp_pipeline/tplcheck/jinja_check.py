"""docxtpl / Jinja checks of a template's paragraphs: syntax, split tags, filters, variables.

The paragraphs are joined into one Jinja source, one paragraph a line, after the rewriting
docxtpl does before Jinja sees the XML (``{%p``, ``{%tr``, ``{%tc``, ``{%r`` and ``{{r``
markers, ``colspan``/``cellbg``/``vm``/``hm`` tags, Word's curly quotes inside tags). So a
Jinja line number is a paragraph, and every problem is reported at its paragraph or table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError

from iwp_pipeline.model import Location
from iwp_pipeline.tplcheck.issue import Issue, short
from iwp_pipeline.tplcheck.schema_paths import ITEM, Path, check_path, dotted

_OPENERS = re.compile(r"\{\{|\{%|\{#")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_DOCXTPL_MARK = re.compile(r"^(\{\{|\{%|\{#)(-?)(p|tr|tc|r)\s")
_SPECIAL = re.compile(r"^\{%-?\s*(colspan|cellbg)\s+(.*?)\s*-?%\}$", re.S)
_NO_OUTPUT = re.compile(r"^\{%-?\s*(vm|hm)\s*-?%\}$")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_BLOCKS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro", "call": "endcall",
           "filter": "endfilter", "block": "endblock", "autoescape": "endautoescape", "raw": "endraw"}
_MIDDLE = {"elif": ("if",), "else": ("if", "for")}
PASSTHROUGH_FILTERS = frozenset({"selectattr", "rejectattr", "sort", "list", "reverse", "unique",
                                 "default", "d"})
"""Filters whose result is the same list (or value) as their input, for variable paths."""
ITEM_FILTERS = frozenset({"first", "last", "random"})


@dataclass(frozen=True, slots=True)
class Tag:
    """One complete tag in a paragraph."""

    piece: int
    start: int
    end: int
    raw: str
    """As written in the template."""
    source: str
    """As Jinja sees it (docxtpl's rewriting applied)."""

    @property
    def kind(self) -> str:
        """``{{``, ``{%`` or ``{#``."""
        return self.raw[:2]

    @property
    def keyword(self) -> str:
        """The first word of a ``{% %}`` tag (``for``, ``endif``), else empty."""
        if self.kind != "{%":
            return ""
        m = re.match(r"\{%-?\s*(\w+)", self.source)
        return m.group(1) if m else ""


def jinja_form(raw: str) -> str:
    """A tag as Jinja sees it after docxtpl's rewriting."""
    text = raw.translate(_QUOTES)
    text = _DOCXTPL_MARK.sub(lambda m: m.group(1) + m.group(2) + " ", text)
    special = _SPECIAL.match(text)
    if special:
        return "{{ " + special.group(2) + " }}"
    if _NO_OUTPUT.match(text):
        return ""
    return text


@dataclass
class Scan:
    """The tags of every paragraph and the problems met while finding them."""

    tags: list[Tag] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    """Each paragraph as Jinja sees it (tags rewritten, text kept)."""


def scan(texts: Sequence[str], places: Sequence[Location]) -> Scan:
    """Find the tags of each paragraph; an opener without its closer is a syntax error there."""
    result = Scan()
    for i, text in enumerate(texts):
        pos, line = 0, []
        while True:
            m = _OPENERS.search(text, pos)
            if m is None:
                line.append(text[pos:])
                break
            closer = _CLOSER[m.group()]
            end = text.find(closer, m.end())
            if end < 0:
                shown = _short(text[m.start():])
                result.issues.append(Issue("TPL01", f"The tag '{shown}' is not closed in this paragraph "
                                                    f"(a '{closer}' is missing).", places[i]))
                line.append(text[pos:m.start()])
                break
            raw = text[m.start():end + 2]
            tag = Tag(i, m.start(), end + 2, raw, jinja_form(raw))
            result.tags.append(tag)
            line.append(text[pos:m.start()] + tag.source)
            pos = end + 2
        result.lines.append("".join(line))
    return result


def _short(text: str, limit: int = 40) -> str:
    return short(text, limit)


def split_tags(tags: Sequence[Tag], runs: Sequence[tuple[int, ...]], places: Sequence[Location]) -> list[Issue]:
    """Tags whose characters lie in more than one Word run (docxtpl rejoins them; Word may not)."""
    issues = []
    for tag in tags:
        inside = [r for r in runs[tag.piece] if tag.start < r < tag.end]
        if inside:
            issues.append(Issue("TPL03", f"The tag '{_short(tag.raw)}' is split across {len(inside) + 1} Word runs.",
                                places[tag.piece]))
    return issues


def block_structure(tags: Sequence[Tag], places: Sequence[Location]) -> list[Issue]:
    """Block tags that are never closed, close nothing, or close the wrong block."""
    issues: list[Issue] = []
    stack: list[Tag] = []
    for tag in tags:
        word = tag.keyword
        if not word:
            continue
        if stack and stack[-1].keyword == "raw" and word != "endraw":
            continue
        if word == "set" and "=" not in tag.source:
            word = "set-block"
        if word in _BLOCKS or word == "set-block":
            stack.append(tag)
        elif word in _MIDDLE:
            if not stack or stack[-1].keyword not in _MIDDLE[word]:
                issues.append(Issue("TPL01", f"'{_short(tag.raw)}' is outside any "
                                             f"{' or '.join(_MIDDLE[word])} block.", places[tag.piece]))
        elif word.startswith("end"):
            opener = word[3:]
            if not stack:
                issues.append(Issue("TPL01", f"'{_short(tag.raw)}' closes no open block.", places[tag.piece]))
            elif _end_of(stack[-1]) != word:
                top = stack[-1]
                issues.append(Issue("TPL01", f"'{_short(tag.raw)}' closes a '{opener}' block, but the open "
                                             f"block is '{_short(top.raw)}' ({_where(places[top.piece])}).",
                                    places[tag.piece]))
                if any(_end_of(t) == word for t in stack):
                    while stack and _end_of(stack[-1]) != word:
                        stack.pop()
                    stack.pop()
            else:
                stack.pop()
    for tag in stack:
        issues.append(Issue("TPL01", f"'{_short(tag.raw)}' is never closed (no '{{% {_end_of(tag)} %}}').",
                            places[tag.piece]))
    return issues


def block_opener(tag: Tag) -> bool:
    """Whether the tag opens a block that an ``{% end... %}`` tag closes."""
    return tag.keyword in _BLOCKS or (tag.keyword == "set" and "=" not in tag.source)


def _end_of(tag: Tag) -> str:
    return "endset" if tag.keyword == "set" else _BLOCKS[tag.keyword]


def _where(loc: Location) -> str:
    if loc.table is not None:
        return f"table {loc.table} row {loc.row} cell {loc.cell}"
    if loc.paragraph is not None:
        return f"paragraph {loc.paragraph}"
    return "a text box" if loc.part == "textbox" else "an unknown place"


def parse(env: Environment, lines: Sequence[str], places: Sequence[Location]) -> tuple[nodes.Template | None,
                                                                                         list[Issue]]:
    """Parse the whole template; a syntax error is reported at its paragraph."""
    try:
        return env.parse("\n".join(lines)), []
    except TemplateSyntaxError as exc:
        index = max(min((exc.lineno or 1) - 1, len(places) - 1), 0)
        place = places[index] if places else None
        return None, [Issue("TPL01", f"Jinja syntax error: {_short(exc.message or str(exc), 120)}", place)]


def unknown_filters(env: Environment, tree: nodes.Template, places: Sequence[Location],
                    allowed: frozenset[str] = frozenset()) -> list[Issue]:
    """Filters and tests that neither Jinja nor the allowed list knows."""
    issues = []
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        known = env.filters if isinstance(node, nodes.Filter) else env.tests
        if node.name in known or node.name in allowed:
            continue
        what = "filter" if isinstance(node, nodes.Filter) else "test"
        issues.append(Issue("TPL04", f"Unknown {what} '{node.name}'.", _place(places, node)))
    return issues


def _place(places: Sequence[Location], node: nodes.Node) -> Location | None:
    index = (node.lineno or 1) - 1
    return places[index] if 0 <= index < len(places) else None


# --- variables -------------------------------------------------------------------------------

_LOCAL = ()
"""Scope value of a name bound in the template to something that is not a context path."""


@dataclass(frozen=True, slots=True)
class Use:
    """A variable path the template reads, and where."""

    path: Path
    lineno: int


def variable_uses(tree: nodes.Template, env: Environment) -> list[Use]:
    """Every context path the template reads, loop variables resolved (``s.x`` in ``for s in services``)."""
    uses: list[Use] = []
    scope: dict[str, Path] = {name: _LOCAL for name in env.globals}
    for child in tree.body:
        _visit(child, scope, uses)
    return uses


def _visit(node: nodes.Node, scope: dict[str, Path], uses: list[Use]) -> None:
    if isinstance(node, nodes.For):
        _visit(node.iter, scope, uses)
        inner = dict(scope)
        source = _path(node.iter, scope)
        _bind(node.target, source + (ITEM,) if source else _LOCAL, inner)
        inner["loop"] = _LOCAL
        for child in [*node.body, *([node.test] if node.test else [])]:
            _visit(child, inner, uses)
        for child in node.else_:
            _visit(child, scope, uses)
        return
    if isinstance(node, nodes.Assign):
        _visit(node.node, scope, uses)
        _bind(node.target, _path(node.node, scope) or _LOCAL, scope)
        return
    if isinstance(node, nodes.AssignBlock):
        _bind(node.target, _LOCAL, scope)
        for child in node.body:
            _visit(child, scope, uses)
        return
    if isinstance(node, nodes.With):
        inner = dict(scope)
        for target, value in zip(node.targets, node.values, strict=False):
            _visit(value, scope, uses)
            _bind(target, _path(value, scope) or _LOCAL, inner)
        for child in node.body:
            _visit(child, inner, uses)
        return
    if isinstance(node, nodes.Macro | nodes.CallBlock):
        inner = dict(scope)
        for arg in getattr(node, "args", []):
            _bind(arg, _LOCAL, inner)
        inner.update({"caller": _LOCAL, "varargs": _LOCAL, "kwargs": _LOCAL})
        if isinstance(node, nodes.Macro):
            scope[node.name] = _LOCAL
        for child in node.iter_child_nodes():
            if child not in getattr(node, "args", []):
                _visit(child, inner, uses)
        return
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
        path = _path(node, scope)
        if not path:  # not a plain path (a local name, or a call's result: en.nmae.split()[0])
            for child in node.iter_child_nodes():
                _visit(child, scope, uses)
            return
        uses.append(Use(path, node.lineno))
        for sub in _side_expressions(node):
            _visit(sub, scope, uses)
        return
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        _visit(node.node.node, scope, uses)  # a method call: the object is the variable
        for sub in [*node.args, *node.kwargs, *([node.dyn_args] if node.dyn_args else []),
                    *([node.dyn_kwargs] if node.dyn_kwargs else [])]:
            _visit(sub, scope, uses)
        return
    for child in node.iter_child_nodes():
        _visit(child, scope, uses)


def _side_expressions(node: nodes.Node) -> Iterator[nodes.Node]:
    """Expressions inside a variable chain that are not part of its path.

    An index variable, the bounds of a slice, the arguments of a filter the path goes through.
    """
    current: nodes.Node | None = node
    while isinstance(current, nodes.Getattr | nodes.Getitem | nodes.Filter):
        if isinstance(current, nodes.Getitem) and not isinstance(current.arg, nodes.Const):
            yield current.arg
        if isinstance(current, nodes.Filter):
            yield from [*current.args, *current.kwargs, *([current.dyn_args] if current.dyn_args else []),
                        *([current.dyn_kwargs] if current.dyn_kwargs else [])]
        current = current.node


def _bind(target: nodes.Node, path: Path, scope: dict[str, Path]) -> None:
    if isinstance(target, nodes.Name):
        scope[target.name] = path
    elif isinstance(target, nodes.Tuple):
        for item in target.items:
            _bind(item, _LOCAL, scope)


def _path(node: nodes.Node, scope: Mapping[str, Path]) -> Path:
    """The context path an expression reads, or () when it is not a plain path."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        return (node.name,)
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return base + (node.attr,) if base else _LOCAL
    if isinstance(node, nodes.Getitem):
        base = _path(node.node, scope)
        if not base:
            return _LOCAL
        if isinstance(node.arg, nodes.Slice):
            return base  # a slice of a list is that list, of a string that string (w.start_date[:7])
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return base + (node.arg.value,)
        return base + (ITEM,)  # a numeric or computed index: an item (a character of a string)
    if isinstance(node, nodes.Filter) and node.node is not None:
        base = _path(node.node, scope)
        if base and node.name in PASSTHROUGH_FILTERS:
            return base
        if base and node.name in ITEM_FILTERS:
            return base + (ITEM,)
    return _LOCAL


def unknown_variables(uses: Sequence[Use], schema: Mapping[str, Any], schema_name: str,
                      places: Sequence[Location]) -> list[Issue]:
    """Variable paths that are not paths of the context schema, once per path and paragraph."""
    issues, seen = [], set()
    for use in uses:
        key = (use.path, use.lineno)
        if key in seen:
            continue
        seen.add(key)
        problem = check_path(use.path, schema)
        if problem is None:
            continue
        known = dotted(use.path[: problem.step])
        hint = f" (did you mean '{dotted(use.path[: problem.step] + (problem.suggestion,))}'?)" \
            if problem.suggestion else ""
        where = f"'{known}' has no '{use.path[problem.step]}'" if known else "no such top-level name"
        index = use.lineno - 1
        place = places[index] if 0 <= index < len(places) else None
        issues.append(Issue("TPL02", f"The variable '{dotted(use.path)}' is not a path of {schema_name}: "
                                     f"{where}{hint}.", place))
    return issues
