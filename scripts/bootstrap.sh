#!/usr/bin/env bash
# Set up a fresh machine: virtualenv with the pinned Python packages, the pinned npm assets,
# and the database schema. Safe to run again: steps whose inputs did not change are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "ERROR: $*" >&2; exit 1; }

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      PYTHON="$candidate"; break
    fi
  done
fi
[ -n "$PYTHON" ] || fail "Python 3.11 is required but was not found; install Python 3.11 (for example 'apt-get install python3.11 python3.11-venv') and run this again."
command -v node >/dev/null 2>&1 || fail "Node.js is required for the front-end assets but was not found; install Node.js 20 or newer (with npm) and run this again."
command -v npm >/dev/null 2>&1 || fail "npm is required for the front-end assets but was not found; install npm (it comes with Node.js) and run this again."

mkdir -p var
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating the virtualenv (.venv) with $PYTHON"
  "$PYTHON" -m venv .venv || fail "Could not create a virtualenv; install the venv module for Python 3.11 (for example 'apt-get install python3.11-venv')."
fi
stamp=.venv/.requirements.sha
want=$(cat requirements/dev.txt requirements/base.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> Installing the pinned Python packages"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
  echo "$want" > "$stamp"
fi
npmstamp=node_modules/.samenwerk-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat "$npmstamp" 2>/dev/null)" != "$want" ]; then
  echo "==> Installing the pinned front-end assets (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$npmstamp"
fi
