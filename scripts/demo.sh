#!/usr/bin/env bash
# Command 1 of the README: set up, load the demo municipality, serve it with a task worker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
PY=.venv/bin/python
echo "==> Preparing the SQLite database (var/db.sqlite3)"
$PY manage.py migrate --verbosity 0
$PY manage.py load_demo
$PY manage.py overleg_bewaking
echo "==> Starting the task worker (e-mail, periodic work) in the background"
$PY manage.py db_worker --interval 2 >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
# The periodic work of production (docs/signalering.md): signals now, the daily e-mail after
# (the worker sends it to the console backend, see var/worker.log).
echo "==> Running the signal rules and queueing the daily e-mail"
$PY manage.py signaleer
$PY manage.py signaleringen_digest
echo "==> Serving on http://127.0.0.1:8000 (stop with Ctrl+C)"
$PY manage.py runserver 127.0.0.1:8000
