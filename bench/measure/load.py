"""HTTP throughput: the app under gunicorn (one worker per core) on loopback, driven for a
minute by locust with 50 signed-in professionals on a mix of pages."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from bench.generate.organisatie import WACHTWOORD
from bench.omgeving import ROOT, instellingen

BIN = Path(sys.executable).parent


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gebruikers(aantal: int) -> list[dict[str, Any]]:
    """The ten busiest casusregisseurs and others spread over all municipalities, each with the
    cases they take part in (at most 30) and the area where most of them are."""
    with connection.cursor() as cursor:
        cursor.execute(
            """WITH per AS (
                 SELECT b.user_id, COUNT(*) AS n, ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, b.user_id) AS rang
                 FROM casussen_betrokkene b WHERE b.rol = 'casusregisseur' AND b.tot IS NULL GROUP BY b.user_id)
               SELECT user_id FROM per WHERE rang <= 10 OR rang %% 7 = 0 ORDER BY rang LIMIT %s""",
            [aantal],
        )
        ids = [r[0] for r in cursor.fetchall()]
        uitkomst = []
        for user_id in ids:
            cursor.execute(
                """SELECT u.email, g.slug, c.gebied_id, ARRAY_AGG(c.id ORDER BY c.aanmelddatum DESC)
                   FROM casussen_betrokkene b JOIN casussen_casus c ON c.id = b.casus_id
                   JOIN gemeenten_gemeente g ON g.id = c.gemeente_id JOIN gemeenten_user u ON u.id = b.user_id
                   WHERE b.user_id = %s AND b.tot IS NULL GROUP BY 1, 2, 3 ORDER BY COUNT(*) DESC LIMIT 1""",
                [user_id],
            )
            email, slug, gebied, casussen = cursor.fetchone()
            sleutel = TOTPDevice.objects.get(user_id=user_id).key
            uitkomst.append({"email": email, "gemeente": slug, "gebied": gebied, "casussen": casussen[:30], "sleutel": sleutel})
    return uitkomst


def draai(*, gebruikers_aantal: int = 50, seconden: int = 60, workers: int | None = None) -> dict[str, Any]:
    workers = workers or os.cpu_count() or 2
    poort = _vrije_poort()
    omgeving = {**os.environ, **instellingen(), "PYTHONPATH": str(ROOT / "src")}
    werkmap = Path(tempfile.mkdtemp(prefix="bench-load-"))
    (werkmap / "gebruikers.json").write_text(json.dumps(gebruikers(gebruikers_aantal)))
    connection.close()  # the workers get their own connections
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "samenwerk.config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{poort}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=open(werkmap / "gunicorn.log", "w"),  # noqa: SIM115
    )
    # the sealer runs beside the web workers as in production (privacy.zegels): its work counts
    zegelaar = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "verzegel_audit_log", "--blijf", "--interval", "5"],
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=open(werkmap / "zegelaar.log", "w"),  # noqa: SIM115
    )
    try:
        _wacht_op(f"http://127.0.0.1:{poort}/inloggen/")
        locust = subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(gebruikers_aantal),
                "-r",
                "10",
                "-t",
                f"{seconden + 180}s",
                "--host",
                f"http://127.0.0.1:{poort}",
                "--csv",
                str(werkmap / "locust"),
                "--only-summary",
                "--stop-timeout",
                "5",
            ],
            cwd=ROOT,
            env={
                **omgeving,
                "BENCH_GEBRUIKERS": str(werkmap / "gebruikers.json"),
                "BENCH_WACHTWOORD": WACHTWOORD,
                "BENCH_AANTAL": str(gebruikers_aantal),
                "BENCH_SECONDEN": str(seconden),
                "BENCH_LOGINS": str(werkmap / "logins.json"),
            },
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        server.terminate()
        zegelaar.terminate()
        server.wait(timeout=30)
        zegelaar.wait(timeout=30)
    rijen = list(csv.DictReader(open(werkmap / "locust_stats.csv")))  # noqa: SIM115
    totaal = next(r for r in rijen if r["Name"] == "Aggregated")
    fouten = list(csv.DictReader(open(werkmap / "locust_failures.csv")))  # noqa: SIM115
    logins_pad = werkmap / "logins.json"
    logins = json.loads(logins_pad.read_text()) if logins_pad.exists() else {"gelukt": 0, "mislukt": gebruikers_aantal}
    return {
        "gebruikers": gebruikers_aantal,
        "seconden": seconden,
        "workers": workers,
        "verzoeken": int(totaal["Request Count"]),
        "fouten": int(totaal["Failure Count"]) + logins["mislukt"],
        "logins": logins,
        "per_seconde": round(float(totaal["Requests/s"]), 1),
        "p50_ms": float(totaal["50%"]),
        "p95_ms": float(totaal["95%"]),
        "max_ms": round(float(totaal["Max Response Time"]), 1),
        "per_pagina": [
            {
                "naam": r["Name"],
                "verzoeken": int(r["Request Count"]),
                "fouten": int(r["Failure Count"]),
                "p50_ms": float(r["50%"]),
                "p95_ms": float(r["95%"]),
            }
            for r in rijen
            if r["Name"] != "Aggregated" and int(r["Request Count"])
        ],
        "foutmeldingen": [{"naam": f["Name"], "fout": f["Error"][:200], "aantal": int(f["Occurrences"])} for f in fouten],
        "locust_rc": locust.returncode,
        "locust_stderr": locust.stderr[-2000:] if locust.returncode not in (0, 1) else "",
    }


def _wacht_op(url: str, seconden: int = 60) -> None:
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        try:
            with urllib.request.urlopen(url, timeout=5) as antwoord:  # noqa: S310 - loopback, our own server
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on {url}")
