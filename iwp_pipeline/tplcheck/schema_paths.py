"""Template variable paths against a JSON Schema, and a sample context built from a schema.

A path is a tuple of steps: property names, and ``[*]`` for "an item of this list" (any
numeric index). It is a path of the schema when every step leads somewhere: a property the
object lists (objects that list their properties are closed to others, so a typo is caught), an
item of an array or a character of a string, through ``$ref`` (local), ``anyOf``, ``oneOf`` and
``allOf``. A schema that says nothing about its shape accepts any deeper path. Slices, filters
and method calls do not make steps (``w.start_date[:7]`` and ``x.upper()`` read
``w.start_date`` and ``x``); an attribute of a string or number is not a path.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

ITEM = "[*]"

Path = tuple[str, ...]


def dotted(path: Path) -> str:
    """``('services', '[*]', 'description')`` -> ``services[*].description``."""
    out = ""
    for step in path:
        out += step if step == ITEM else (f".{step}" if out else step)
    return out


@dataclass(frozen=True, slots=True)
class PathProblem:
    """Where a path leaves the schema."""

    step: int
    """Index of the first step the schema does not have."""
    suggestion: str | None
    """A close property name at that step, when there is one."""


def _branches(schema: Any, root: Mapping[str, Any], depth: int = 0) -> Iterator[Mapping[str, Any] | bool]:
    """The schema and every sub-schema it stands for through $ref / anyOf / oneOf / allOf."""
    if depth > 20:
        return
    if isinstance(schema, bool):
        yield schema
        return
    if not isinstance(schema, Mapping):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = _local_ref(ref, root)
        if target is None:
            yield True  # an external reference: not checked
        else:
            yield from _branches(target, root, depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []) or []:
            yield from _branches(sub, root, depth + 1)
    yield schema


def _local_ref(ref: str, root: Mapping[str, Any]) -> Any:
    if not ref.startswith("#"):
        return None
    node: Any = root
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


_SHAPE_KEYS = frozenset({"type", "properties", "items", "prefixItems", "additionalProperties",
                         "patternProperties", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"})


def _step(schema: Mapping[str, Any] | bool, step: str) -> tuple[list[Any], bool]:
    """Sub-schemas reached by one step, and whether this schema is open (accepts anything)."""
    if schema is True or (isinstance(schema, Mapping) and not (_SHAPE_KEYS & set(schema))):
        return [], True
    if not isinstance(schema, Mapping):
        return [], False
    if step == ITEM:
        found = [schema["items"]] if "items" in schema else []
        if "string" in _types(schema):
            found.append(_CHARACTER)  # an index of a string is a character, not a list item
        return found + list(schema.get("prefixItems", [])), False
    props = schema.get("properties")
    if isinstance(props, Mapping) and step in props:
        return [props[step]], False
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping) or (extra is True and props is None):
        return [extra], False
    return [], False


_CHARACTER: Mapping[str, Any] = {"type": "string"}


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def check_path(path: Path, schema: Mapping[str, Any]) -> PathProblem | None:
    """None when ``path`` is a path of ``schema``; else where it leaves the schema."""
    current: list[Any] = [schema]
    for i, step in enumerate(path):
        reached: list[Any] = []
        for node in current:
            for branch in _branches(node, schema):
                subs, is_open = _step(branch, step)
                if is_open:
                    return None
                reached.extend(subs)
        if not reached:
            return PathProblem(i, _suggest(step, current, schema))
        current = reached
    return None


def _suggest(step: str, nodes: list[Any], root: Mapping[str, Any]) -> str | None:
    names: set[str] = set()
    for node in nodes:
        for branch in _branches(node, root):
            if isinstance(branch, Mapping) and isinstance(branch.get("properties"), Mapping):
                names.update(branch["properties"])
    close = difflib.get_close_matches(step, sorted(names), n=1, cutoff=0.6)
    return close[0] if close else None


def sample_instance(schema: Mapping[str, Any]) -> Any:
    """A value that fits ``schema``: every property filled, one item per list.

    Strings take the schema's example, default, const or first enum value when it has one,
    else a date for ``format: date`` and a short text naming the property otherwise.
    """
    return _sample(schema, schema, "value", 0)


def _sample(schema: Any, root: Mapping[str, Any], name: str, depth: int) -> Any:
    if depth > 12 or not isinstance(schema, Mapping):
        return None
    for key in ("const", "default"):
        if key in schema and schema[key] is not None:
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if schema.get("enum"):
        return next((v for v in schema["enum"] if v is not None), None)
    if isinstance(schema.get("$ref"), str):
        target = _local_ref(schema["$ref"], root)
        return _sample(target, root, name, depth + 1) if target is not None else None
    for key in ("anyOf", "oneOf"):
        for sub in schema.get(key, []) or []:
            if not (isinstance(sub, Mapping) and sub.get("type") == "null"):
                return _sample(sub, root, name, depth + 1)
    types = schema.get("type", "object" if "properties" in schema else "string")
    kinds = [types] if isinstance(types, str) else [t for t in types if t != "null"] or ["null"]
    kind = kinds[0]
    if kind == "object":
        merged: dict[str, Any] = {}
        for sub in schema.get("allOf", []) or []:
            value = _sample(sub, root, name, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        for prop, sub in (schema.get("properties") or {}).items():
            merged[prop] = _sample(sub, root, prop, depth + 1)
        return merged
    if kind == "array":
        item = _sample(schema.get("items", {}), root, name, depth + 1)
        return [item] if item is not None else []
    if kind == "string":
        if schema.get("format") == "date":
            return "2025-03-04"
        return f"Sample {name.replace('_', ' ')}"
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return float(max(schema.get("minimum", 1000), 1000))
    if kind == "boolean":
        return True
    return None
