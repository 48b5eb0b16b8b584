"""gunicorn for the Samenwerkplatform (docs/deployment.md). Started by samenwerk-web.service:
/srv/samenwerk/.venv/bin/gunicorn -c /srv/samenwerk/deploy/gunicorn.conf.py samenwerk.config.wsgi:application
"""

import multiprocessing
import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(min(2 * multiprocessing.cpu_count() + 1, 9))))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60  # the slowest page (a PDF, an export) stays well below this
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The app writes one JSON line per request itself (request id, route, status, duration; no path):
# gunicorn's access log would write paths, which can carry a secret link.
accesslog = None
errorlog = "-"
loglevel = "warning"
pythonpath = str(Path(__file__).resolve().parent.parent / "src")

# Prometheus counters from every worker (samenwerk.ops.metrics): a directory per start.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def on_starting(server):  # type: ignore[no-untyped-def]
    if _metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)
        os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):  # type: ignore[no-untyped-def]
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
