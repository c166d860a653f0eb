"""Settings for ``iwp check`` from ``.iwp.toml`` or ``[tool.iwp]`` in ``pyproject.toml``.

The nearest file in the working folder or its parents wins (``.iwp.toml`` before
``pyproject.toml`` in the same folder). Command-line options override it. Unknown keys and
wrong types are usage errors, so a typo never silently changes a CI gate.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from iwp_pipeline.errors import UsageError

KEYS: dict[str, type | tuple[type, ...]] = {
    "format": str,
    "jobs": int,
    "timeout": (int, float),
    "max_memory": int,
    "max_pages": int,
    "fail_on": str,
    "select": list,
    "ignore": list,
    "report": list,
    "thresholds": str,
    "quiet": bool,
}


def find_config(start: Path) -> Path | None:
    """The nearest .iwp.toml, or pyproject.toml with a [tool.iwp] table, at or above ``start``."""
    for folder in [start, *start.parents]:
        own = folder / ".iwp.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "iwp" in _read(project).get("tool", {}):
            return project
    return None


def load_config(start: Path) -> tuple[dict[str, Any], Path | None]:
    """The settings found for ``start`` (empty when there is no configuration)."""
    path = find_config(start)
    return (read_settings(path), path) if path is not None else ({}, None)


def read_settings(path: Path) -> dict[str, Any]:
    """The checked settings of one file: ``[tool.iwp]`` of a pyproject.toml, else the whole file."""
    data = _read(path)
    table = data.get("tool", {}).get("iwp", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.iwp] must be a table")
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    for key, value in settings.items():
        if key not in KEYS:
            raise UsageError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[key]) or (KEYS[key] is int and isinstance(value, bool)):
            raise UsageError(f"{path}: setting {key!r} has the wrong type")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise UsageError(f"{path}: setting {key!r} must be a list of strings")
    if "thresholds" in settings:
        settings["thresholds"] = str((path.parent / settings["thresholds"]).resolve())
    return settings


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
