"""JUnit XML: a test suite per document, a test case per required component.

A component with error findings fails; a document that could not be read has one test case
``document`` in error. CI systems show this as a test report.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from iwp_pipeline.model import COMPONENTS, Report, Severity


def render(report: Report) -> str:
    """The report as a JUnit XML document."""
    suites = ET.Element("testsuites", name="iwp-pipeline")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in report.documents:
        suite = ET.SubElement(suites, "testsuite", name=doc.path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if doc.error:
            case = ET.SubElement(suite, "testcase", classname=doc.path, name="document")
            ET.SubElement(case, "error", type=doc.error.code, message=doc.error.message).text = doc.error.message
            counts["tests"] += 1
            counts["errors"] += 1
        for row in doc.components:
            case = ET.SubElement(suite, "testcase", classname=doc.path, name=row.key)
            counts["tests"] += 1
            found = [f for f in doc.findings if f.component == row.key]
            errors = [f for f in found if f.severity is Severity.ERROR]
            if errors:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", type=errors[0].rule,
                                        message=f"{COMPONENTS[row.key]}: {len(errors)} error(s)")
                failure.text = "\n".join(f"{f.rule}: {f.message} Fix: {f.hint}" for f in errors)
            warnings = [f for f in found if f.severity is Severity.WARNING]
            if warnings:
                ET.SubElement(case, "system-out").text = "\n".join(f"warning {f.rule}: {f.message}" for f in warnings)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
