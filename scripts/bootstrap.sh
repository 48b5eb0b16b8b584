#!/usr/bin/env bash
# Set up a fresh machine: virtualenv with the pinned Python packages, the pinned npm assets,
# and the database schema. Safe to run again: steps whose inputs did not change are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "FOUT: $*" >&2; exit 1; }

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      PYTHON="$candidate"; break
    fi
  done
fi
[ -n "$PYTHON" ] || fail "Python 3.11 is nodig maar niet gevonden; installeer Python 3.11 (bijvoorbeeld 'apt-get install python3.11 python3.11-venv') en probeer het opnieuw."
command -v node >/dev/null 2>&1 || fail "Node.js is nodig voor de front-endbestanden maar niet gevonden; installeer Node.js 20 of nieuwer (met npm) en probeer het opnieuw."
command -v npm >/dev/null 2>&1 || fail "npm is nodig voor de front-endbestanden maar niet gevonden; installeer npm (het hoort bij Node.js) en probeer het opnieuw."

mkdir -p var
if [ ! -x .venv/bin/python ]; then
  echo "==> De virtualenv (.venv) maken met $PYTHON"
  "$PYTHON" -m venv .venv || fail "De virtualenv kon niet worden gemaakt; installeer de venv-module van Python 3.11 (bijvoorbeeld 'apt-get install python3.11-venv')."
fi
stamp=.venv/.requirements.sha
want=$(cat requirements/dev.txt requirements/base.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> De vastgezette Python-pakketten installeren"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
  echo "$want" > "$stamp"
fi
npmstamp=node_modules/.samenwerk-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat "$npmstamp" 2>/dev/null)" != "$want" ]; then
  echo "==> De vastgezette front-endbestanden installeren (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$npmstamp"
fi
