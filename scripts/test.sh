#!/usr/bin/env bash
# Command 2 of the README: set up, then the whole test suite on SQLite. Browser tests run when
# /usr/bin/chromium exists and are reported as skipped, with the reason, when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# Both cores by default (pytest-xdist); PYTEST_WORKERS=0 runs in one process. Work stealing: a
# worker that runs out takes half of what the other has not started, so neither finishes alone.
exec .venv/bin/pytest -n "${PYTEST_WORKERS:-2}" --dist worksteal ${PYTEST_ARGS:-} "$@"
