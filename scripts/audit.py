"""Known vulnerabilities in our dependencies (`make audit`), with pip-audit.

Audits requirements/lock.txt, the pinned set production installs, once it exists;
until then the packages installed in the virtual environment running this script.
Exit status: 0 when every package was checked and none has a known vulnerability;
1 when some have; 2 when the audit could not be done, for example because pip-audit
cannot reach its vulnerability database (PyPI's JSON API): an audit that checked nothing
must never look like a pass.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = ROOT / "requirements" / "lock.txt"


def audit_arguments():
    if LOCK_FILE.exists():
        # Every version is pinned, so pip need not resolve anything.
        return f"{LOCK_FILE.relative_to(ROOT)}", [
            "-r",
            str(LOCK_FILE),
            "--no-deps",
            "--disable-pip",
        ]
    return f"the packages installed in {sys.prefix}", ["--skip-editable"]


def report(result):
    """(exit status, lines to print) for pip-audit's JSON report."""
    dependencies = result["dependencies"]
    skipped = [
        dependency
        for dependency in dependencies
        if "skip_reason" in dependency and "editable" not in dependency["skip_reason"]
    ]
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    checked = sum("vulns" in dependency for dependency in dependencies)
    lines = []
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability["fix_versions"]) or "no fixed version yet"
            lines.append(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in {fixed})"
            )
    if skipped:
        lines.append(
            f"{len(skipped)} of {len(dependencies)} packages could not be checked, e.g. "
            f"{skipped[0]['skip_reason']}. pip-audit probably cannot reach its vulnerability "
            "database (https://pypi.org/pypi/<name>/<version>/json) from here: run "
            "`make audit` where it can. This is not a pass."
        )
        return 2, lines
    if vulnerable:
        return 1, lines
    return 0, [f"No known vulnerabilities in {checked} packages."]


def main():
    audited, arguments = audit_arguments()
    print(f"Auditing {audited} with pip-audit.")
    with tempfile.NamedTemporaryFile(suffix=".json") as output:
        ran = subprocess.run(  # noqa: S603 (our own arguments)
            [
                sys.executable,
                "-m",
                "pip_audit",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                output.name,
                *arguments,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            result = json.loads(Path(output.name).read_text() or "null")
        except json.JSONDecodeError:
            result = None
    if not result:
        print(ran.stderr.strip()[-2000:], file=sys.stderr)
        print(
            "pip-audit could not finish (its message is above), so nothing is known about "
            "our dependencies. This is not a pass.",
            file=sys.stderr,
        )
        return 2
    status, lines = report(result)
    for line in lines:
        print(line, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
