"""The rule families. Importing this package registers every rule.

Each module holds the rules of one component; ``base`` defines what a rule is.
"""

from iwp_pipeline.rules import (  # noqa: F401  (imported to register their rules)
    amendment,
    contact,
    discussion,
    document,
    goals,
    part3,
    services,
    submission,
    template,
    terms,
    work,
)
from iwp_pipeline.rules.base import Rule, all_rules, get_rule

__all__ = ["Rule", "all_rules", "get_rule"]
