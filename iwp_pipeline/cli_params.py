"""Option types shared by the command modules."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from iwp_pipeline.values import parse_date


class DateParam(click.ParamType):
    """A date in ISO or the usual US forms."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse the option value or fail with a usage error."""
        if isinstance(value, date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self.fail(f"{value!r} is not a date (use YYYY-MM-DD or MM/DD/YYYY)", param, ctx)
        return parsed
