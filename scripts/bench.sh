#!/usr/bin/env bash
# The benchmark suite (docs/performance.md): set up, then make its own PostgreSQL database
# (samenwerk_bench), fill it, measure, write bench/results/ and drop the database again.
# BENCH_SCALE=0.05 for a small run; BENCH_DATABASE_URL to use another server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh >/dev/null
url="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samenwerk_bench}"
.venv/bin/python - "$url" <<'PY' || { echo "ERROR: no PostgreSQL server at ${url%/*}; start one (see docs/performance.md) or set BENCH_DATABASE_URL." >&2; exit 1; }
import sys, urllib.parse, psycopg
u = urllib.parse.urlsplit(sys.argv[1])
psycopg.connect(urllib.parse.urlunsplit(u._replace(path="/postgres")), connect_timeout=5).close()
PY
exec .venv/bin/python -m bench.run "$@"
