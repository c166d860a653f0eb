"""The wheel ships the schemas, templates and data, and works from another folder."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    return next(out.glob("*.whl"))


def test_wheel_contains_schemas_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("iwp_pipeline/schemas/iwp.schema.json", "iwp_pipeline/schemas/report.schema.json",
                   "iwp_pipeline/templates/report.html", "iwp_pipeline/data/terms.json",
                   "iwp_pipeline/data/thresholds.json", "iwp_pipeline/templates/coversheet.docx",
                   "iwp_pipeline/schemas/coversheet-context.schema.json", "iwp_pipeline/data/submission.json",
                   "iwp_pipeline/data/core-font-widths.json", "iwp_pipeline/templates/iwp.docx",
                   "iwp_pipeline/templates/amendment.docx", "iwp_pipeline/data/sample-record.json",
                   "iwp_pipeline/data/sample-changes.json"):
        assert needed in names
    assert not [n for n in names if "/build/" in n]  # the template build scripts are not shipped


def test_installed_wheel_checks_from_another_folder(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import sys, iwp_pipeline; assert iwp_pipeline.__file__.startswith(sys.argv[1]); "
            "from iwp_pipeline.cli import main; sys.argv = ['iwp'] + sys.argv[2:]; main()")
    run = subprocess.run([sys.executable, "-c", code, str(site), "check",
                          str(ROOT / "fixtures" / "samples"), "--format", "json"],
                         cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    from iwp_pipeline.report.jsonfmt import report_validator

    report_validator().validate(json.loads(run.stdout))


def test_installed_wheel_checks_its_own_templates(wheel, tmp_path):
    """The dry render's samples (sample record, sample changes) ship with the package."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import sys, iwp_pipeline; assert iwp_pipeline.__file__.startswith(sys.argv[1]); "
            "from iwp_pipeline.cli import main; sys.argv = ['iwp'] + sys.argv[2:]; main()")
    templates = site / "iwp_pipeline" / "templates"
    run = subprocess.run([sys.executable, "-c", code, str(site), "template", "check", str(templates / "iwp.docx"),
                          str(templates / "amendment.docx"), "-q"],
                         cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
