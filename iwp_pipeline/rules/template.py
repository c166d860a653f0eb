"""Rules of ``iwp template check``: EN templates (Word with docxtpl tags, blank PDF forms).

These rules are applied by :mod:`iwp_pipeline.tplcheck` to templates, never to records
(``applies_to`` names no record type); they are registered so that ``iwp rules`` lists and
explains them and SARIF and JUnit reports carry their metadata. A rule registered with the
component ``document`` may report on the component a finding is about (a missing term is
reported on ``part3.terms`` with its number).
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, rule

TEMPLATE = frozenset({"template"})
REQ = "EN Guide, Required Components of an IWP (iwp-requirements.md)"


def _never(ctx: RuleContext) -> Iterator[Violation]:
    return iter(())


def _template_rule(code: str, name: str, component: str, severity: Severity, basis: str, summary: str,
                   hint: str, explanation: str) -> None:
    def check(ctx: RuleContext) -> Iterator[Violation]:
        return _never(ctx)

    check.__doc__ = explanation
    rule(code, name=name, component=component, severity=severity, basis=basis, summary=summary, hint=hint,
         applies_to=TEMPLATE)(check)


_template_rule("TPL01", "template-syntax", "document", Severity.ERROR, "docxtpl / Jinja template syntax",
               "The template has a Jinja syntax error: a tag not closed, a block never ended, a bad expression.",
               "Fix the tag at the place given (close '{{ }}' and '{% %}' in the same paragraph; end every "
               "'{% for %}' and '{% if %}').",
               "Tags are read paragraph by paragraph (and table cell by table cell) as docxtpl reads them. A "
               "tag opened and not closed in its paragraph, a block tag without its end (or an end without its "
               "block), and anything else Jinja cannot parse is reported at its paragraph or cell.")
_template_rule("TPL02", "unknown-variable", "document", Severity.ERROR, "schemas/iwp.schema.json and "
               "schemas/<kind>-context.schema.json (the render context)",
               "The template reads a variable that is not a path of its render context.",
               "Use a path of the context schema (for an IWP: a path of iwp.schema.json such as en.name or "
               "services[*].description).",
               "Every variable a template reads, with loop variables resolved ('s.description' inside "
               "'{% for s in services %}' is services[*].description), must be a path of the schema of "
               "its render context, or it renders empty in every document.")
_template_rule("TPL03", "split-tag", "document", Severity.WARNING, "docxtpl: tags split across Word runs",
               "A tag is split across Word runs (Word formatted or spell-checked part of it).",
               "Select the whole tag, delete it and type it again in one go with one formatting.",
               "docxtpl joins the pieces of a tag split across runs, but the rendered value takes the first "
               "run's formatting, and the next edit in Word can split it in a way that no longer joins.")
_template_rule("TPL04", "unknown-filter", "document", Severity.ERROR, "docxtpl / Jinja filters and tests",
               "The template uses a filter or test Jinja does not know.",
               "Use a Jinja filter, or name the EN renderer's own filters with --filter NAME.",
               "A filter or test that neither Jinja, iwp-pipeline's own renderer (service_label) nor the list "
               "given with --filter knows makes the render fail for every document.")
_template_rule("TPL05", "dry-render-fails", "document", Severity.ERROR, REQ,
               "Rendered with the sample record, the template gives a document that `iwp check` rejects.",
               "Fix the template so that the rendered document carries what the finding names.",
               "The template is rendered with a sample context built by the same code as `iwp render` and "
               "`iwp amend` (an IWP template: the bundled sample record, or --sample FILE; an amendment "
               "template: the bundled sample record amended by the bundled sample changes, signed) and the "
               "result goes through `iwp check`; each of its errors is reported on its own component (and "
               "term), at its place in the rendered document (location part 'rendered'). An error already "
               "reported as a missing section, field or term of the template is not repeated.")
_template_rule("TPL06", "dry-render-error", "document", Severity.ERROR, "docxtpl rendering",
               "The template cannot be rendered with the sample context.",
               "Fix the expression the error names (a wrong type, a call on a missing value).",
               "docxtpl renders the whole template (headers and footers too) with the sample context; an "
               "error there means every real render fails too.")
_template_rule("TPL07", "no-context-schema", "document", Severity.WARNING, "schemas/<kind>-context.schema.json",
               "There is no context schema for this template kind, so its variables were not checked.",
               "Add schemas/<kind>-context.schema.json describing the template's render context.",
               "Amendment and coversheet templates are checked against schemas/amendment-context.schema.json "
               "and schemas/coversheet-context.schema.json; when the file does not exist the variables "
               "cannot be checked and this warning says so.")
_template_rule("TPL08", "conditional-content", "document", Severity.WARNING, REQ,
               "Required content of the template is inside an {% if %} block.",
               "Make sure the condition holds for every plan, or move the content out of the block.",
               "A required section heading, label or term that appears only inside '{% if %}' is present "
               "in the template but missing from every document for which the condition is false. Content "
               "that every branch of an '{% if %}...{% else %}' holds is not conditional. The terms (and the "
               "Statement of Understanding) printed only when the record marks them present, each term N "
               "inside '{% if terms_and_conditions[N - 1].present %}', are the pattern of a renderer that "
               "reproduces an existing record (iwp render): they get one warning for the whole block, not one "
               "per term; any other condition around a term is a warning on that term.")
for _code, _component, _what in (
        ("TPL10", "part1.contact", "Part One (EN and ticketholder contact information)"),
        ("TPL11", "part2.discussion", "Part Two, Section 1 (the one-on-one discussion)"),
        ("TPL12", "part2.work_history", "Part Two, Section 2 (recent work history)"),
        ("TPL13", "part2.employment_goals", "Part Two, Section 3 (employment goals)"),
        ("TPL14", "part2.supports_services", "Part Two, Section 4 (supports and services)"),
        ("TPL15", "part3.statement_of_understanding", "the Statement of Understanding"),
        ("TPL16", "part3.signatures", "the signatures"),
        ("TPL17", "document", "Part Three (the terms and conditions)")):
    _template_rule(_code, f"template-section-{_code[-2:]}", _component, Severity.ERROR, REQ,
                   f"The template has no section for {_what}.",
                   f"Add the section for {_what} with its heading.",
                   f"The template's headings are recognised as in filled documents "
                   f"(iwp_pipeline/data/vocabulary.json); none of them starts the section for {_what}.")
_template_rule("TPL20", "template-field-missing", "document", Severity.ERROR, REQ,
               "The template has no label or form field for a value the IWP must carry.",
               "Add the label (for example 'EN Name: {{ en.name }}') or a form field with that tooltip.",
               "The labels and form fields (tooltip, printed label, name) are recognised as in filled "
               "documents; a label followed by a placeholder or an empty field counts. The finding is "
               "reported on the component the value belongs to.")
_template_rule("TPL21", "amendment-content-missing", "amendment", Severity.ERROR,
               "EN Guide, Amending IWPs (iwp-requirements.md, Amendments)",
               "The amendment template lacks something an amendment must carry.",
               "Add it: EN name and PID, revised goals, revised services, both signatures with dates and the "
               "EN representative's printed name.",
               "An amendment must carry the EN name and PID, the revised employment goals, the revised "
               "services and supports, the ticketholder's signature and date, and the EN representative's "
               "printed name, signature and date.")
_template_rule("TPL22", "coversheet-content-missing", "document", Severity.ERROR,
               "iwp-requirements.md, The IWP Submission Coversheet",
               "The coversheet template lacks something a submission coversheet must carry.",
               "Add it (see `iwp rules TPL22` for the list).",
               "A coversheet carries the reason for the submission, EN name and PID, EN contact person and "
               "phone or email, ticketholder name and SSN, the two signature dates, the date sent, the number "
               "of pages and where it goes (GSO, fax 1-703-893-4020, or the Ticket Program Manager, P.O. Box "
               "1433, Alexandria, VA 22313). The patterns are data: iwp_pipeline/data/template_requirements.json.")
_template_rule("TPL30", "template-term-missing", "document", Severity.ERROR,
               "20 CFR 411.465; the 15 terms (iwp_pipeline/data/terms.json)",
               "One of the 15 terms and conditions is missing from the template's terms part.",
               "Add the term to the terms and conditions (`iwp rules TERMnn` says what it must state).",
               "The terms part of the template is read with the same recogniser as filled documents: each "
               "term by its ideas, in the terms part only. The finding is on part3.terms with the term's "
               "number and points at the terms heading.")
