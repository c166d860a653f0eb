"""What a template check reports before it becomes a report Finding."""

from __future__ import annotations

from dataclasses import dataclass

from iwp_pipeline.model import Finding, Location
from iwp_pipeline.rules import get_rule


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem of a template: a rule code, a message and where it is."""

    rule: str
    message: str
    location: Location | None = None
    component: str | None = None
    """Overrides the rule's component (a missing field belongs to its component)."""
    term: int | None = None
    pointer: str | None = None

    def finding(self) -> Finding:
        """The report Finding, with severity and hint from the rule catalogue."""
        meta = get_rule(self.rule)
        if meta is None:  # pragma: no cover - every code used here is registered
            raise KeyError(self.rule)
        return Finding(rule=meta.code, severity=meta.severity, component=self.component or meta.component,
                       message=self.message, hint=meta.hint, term=self.term,
                       location=self.location if self.location and self.location.to_dict() else None,
                       pointer=self.pointer)


def short(text: str, limit: int, *, one_line: bool = True) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis; white space folded when ``one_line``."""
    if one_line:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
