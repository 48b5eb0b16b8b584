"""Known vulnerabilities in the pinned dependencies (pip-audit).

Fails when pip-audit finds a vulnerability. When the vulnerability service cannot be
reached (this machine's PyPI mirror lacks the per-version JSON API and OSV is unreachable),
pip-audit skips packages; this script then says loudly how many were NOT audited instead of
printing a reassuring "no known vulnerabilities".
"""

from __future__ import annotations

import json
import subprocess
import sys

cmd = [
    sys.executable,
    "-m",
    "pip_audit",
    "-r",
    "requirements/base.txt",
    "-r",
    "requirements/dev.txt",
    "--progress-spinner",
    "off",
    "--format",
    "json",
]
result = subprocess.run(cmd, capture_output=True, text=True, check=False)
try:
    report = json.loads(result.stdout)
except json.JSONDecodeError:
    print(result.stderr, file=sys.stderr)
    sys.exit("pip-audit did not produce a report")
deps = report.get("dependencies", [])
vulnerable = [(d["name"], d["version"], v["id"]) for d in deps for v in d.get("vulns", [])]
skipped = [d["name"] for d in deps if d.get("skip_reason")]
audited = len(deps) - len(skipped)
for name, version, vuln in vulnerable:
    print(f"VULNERABLE: {name} {version}: {vuln}")
print(f"pip-audit: {audited} packages audited, {len(skipped)} not audited, {len(vulnerable)} known vulnerabilities")
if skipped:
    print(f"WARNING: {len(skipped)} packages could NOT be audited (vulnerability service unreachable from this machine).")
sys.exit(1 if vulnerable else 0)
