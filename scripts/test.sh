#!/usr/bin/env bash
# Command 2 of the README: set up, then the whole test suite on SQLite. Browser tests run when
# /usr/bin/chromium exists and are reported as skipped, with the reason, when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/pytest ${PYTEST_ARGS:-} "$@"
