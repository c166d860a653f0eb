"""iwp-pipeline: parse, validate and report on Ticket to Work Individual Work Plans."""

__version__ = "0.1.0"
