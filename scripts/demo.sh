#!/usr/bin/env bash
# Command 1 of the README: set up, load the demo municipality, serve it with a task worker.
# PORT chooses the port (PORT=8011 make demo); links in e-mail follow it.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
fail() { echo "FOUT: $*" >&2; exit 1; }
case "$PORT" in
  ''|*[!0-9]*) fail "PORT moet een getal zijn, bijvoorbeeld PORT=8011 make demo (nu: '$PORT')." ;;
esac
export SAMENWERK_SITE_URL="http://127.0.0.1:$PORT"
bash scripts/bootstrap.sh
PY=.venv/bin/python
$PY - "$PORT" <<'PYEOF' || fail "Poort $PORT is al in gebruik; kies een andere, bijvoorbeeld PORT=8011 make demo."
import socket, sys
with socket.socket() as s:
    s.bind(("127.0.0.1", int(sys.argv[1])))
PYEOF
echo "==> De SQLite-database klaarmaken (var/db.sqlite3)"
$PY manage.py migrate --verbosity 0
$PY manage.py load_demo
echo "==> De taakverwerker starten (e-mail en periodiek werk); de e-mail die hij verstuurt staat in var/worker.log"
$PY manage.py db_worker --interval 2 >var/worker.log 2>&1 &
worker=$!
# the access log's sealer, as in production (docs/privacy.md): /gezondheid/ reports rows it leaves
$PY manage.py verzegel_audit_log --blijf --interval 5 >var/zegelaar.log 2>&1 &
zegelaar=$!
trap 'kill $worker $zegelaar 2>/dev/null || true' EXIT INT TERM
# The periodic work of production (docs/signalering.md, README): load_demo ran the signal
# rules over the demo cases already; what is left is the hourly meeting check and the daily
# e-mail, which the worker sends to the console backend (var/worker.log).
echo "==> Het periodieke werk van productie, één keer"
$PY manage.py overleg_bewaking
$PY manage.py signaleringen_digest
# Without DEBUG a newcomer sees the product's own error pages, not Django's technical ones;
# --insecure lets the development server still serve the static files.
DJANGO_DEBUG=false DJANGO_RUNSERVER_HIDE_WARNING=true $PY manage.py demo_server --noreload --insecure "127.0.0.1:$PORT"
