"""Access to the data files, schemas and templates shipped inside the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def data_file(name: str) -> Traversable:
    """A file of ``iwp_pipeline/data``."""
    return resources.files("iwp_pipeline.data").joinpath(name)


def schema_file(name: str) -> Traversable:
    """A file of ``schemas/`` (shipped as ``iwp_pipeline.schemas``)."""
    return resources.files("iwp_pipeline.schemas").joinpath(name)


def template_file(name: str) -> Traversable:
    """A file of ``templates/`` (shipped as ``iwp_pipeline.templates``)."""
    return resources.files("iwp_pipeline.templates").joinpath(name)


@cache
def load_json_data(name: str) -> Any:
    """Parse a JSON data file of the package (cached; treat the result as read-only)."""
    return json.loads(data_file(name).read_text(encoding="utf-8"))


@cache
def load_schema(name: str) -> Any:
    """Parse a JSON Schema of the package (cached; treat the result as read-only)."""
    return json.loads(schema_file(name).read_text(encoding="utf-8"))


@cache
def schema_validator(name: str) -> Any:
    """A checked JSON Schema 2020-12 validator for a schema of the package (built once per schema)."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
