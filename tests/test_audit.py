"""`make audit`'s verdict on pip-audit's report (scripts/audit.py): an audit that could not
check the packages must fail, never pass quietly."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit.py"
spec = importlib.util.spec_from_file_location("audit", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

CLEAN = {"name": "django", "version": "5.2.8", "vulns": []}
OURS = {"name": "peersupport", "skip_reason": "distribution marked as editable"}


def test_every_package_checked_and_clean_passes():
    status, lines = audit.report({"dependencies": [CLEAN, OURS], "fixes": []})
    assert status == 0
    assert lines == ["No known vulnerabilities in 1 packages."]


def test_a_known_vulnerability_fails_and_names_the_fix():
    vulnerable = {
        "name": "nh3",
        "version": "0.3.0",
        "vulns": [{"id": "GHSA-xxxx", "fix_versions": ["0.3.1"], "aliases": []}],
    }
    status, lines = audit.report({"dependencies": [CLEAN, vulnerable], "fixes": []})
    assert status == 1
    assert lines == ["nh3 0.3.0: GHSA-xxxx (fixed in 0.3.1)"]


def test_packages_that_could_not_be_checked_fail_the_audit():
    unreachable = {
        "name": "django",
        "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2.8)",
    }
    status, lines = audit.report({"dependencies": [unreachable, OURS], "fixes": []})
    assert status == 2
    assert "1 of 2 packages could not be checked" in lines[-1]
    assert "not a pass" in lines[-1]
