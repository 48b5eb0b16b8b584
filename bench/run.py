"""`make bench`: make the benchmark database, fill it, run the periodic jobs, measure the pages
and the HTTP load, run the retention job, write bench/results/ and print every budget line
with PASS/FAIL. Then drop the database (unless --houd-database).

    .venv/bin/python -m bench.run                 # the default dataset (100,000 cases)
    .venv/bin/python -m bench.run --schaal 0.05   # a small one while developing
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from bench import omgeving


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--schaal", type=float, default=float(os.environ.get("BENCH_SCALE", "1")), help="1 = 100,000 cases")
    p.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "8")))
    p.add_argument("--herhalingen", type=int, default=40, help="requests per page")
    p.add_argument("--load-seconden", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "60")))
    p.add_argument("--gebruikers", type=int, default=50, help="concurrent users of the load run")
    p.add_argument("--zonder-load", action="store_true", help="skip gunicorn + locust")
    p.add_argument("--controleer-log", action="store_true", help="also time verify_audit_log over the whole chain")
    p.add_argument("--houd-database", action="store_true", help="keep samenwerk_bench afterwards")
    return p.parse_args(argv)


def stap(naam: str) -> None:
    print(f"==> {naam}", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    begin = time.monotonic()
    stap(f"Database {omgeving.DATABASE_URL.rsplit('/', 1)[1]}: aanmaken en migreren")
    omgeving.nieuwe_database()
    from django.db import connection

    from bench import report
    from bench.generate import genereer
    from bench.measure import jobs, load, pages, replica
    from bench.measure.onderwerpen import kies

    uitkomst: dict[str, Any] = {"datum": report.nu(), "schaal": args.schaal, "seed": args.seed, "machine": report.machine()}
    try:
        stap(f"Dataset genereren (schaal {args.schaal:g})")
        uitkomst["dataset"] = genereer(schaal=args.schaal, seed=args.seed)
        stap("Periodieke taken: het toegangslog verzegelen, signaleer, dagelijkse e-mail")
        uitkomst["jobs"] = [jobs.signaleer(), jobs.digest(), jobs.verzegel()]
        from django.utils import timezone

        historie_verzegeld = timezone.now()  # what follows is the run's own day in the log
        uitkomst["dataset"]["rijen"]["signalering.Signalering"] = uitkomst["jobs"][0]["signaleringen"]
        for job in uitkomst["jobs"]:
            print(f"  {job['naam']}: {job['seconden']} s")
        with connection.cursor() as cursor:  # what autovacuum does soon after the jobs wrote their rows
            cursor.execute("VACUUM (ANALYZE)")
        stap("Pagina's en API")
        onderwerpen = kies()
        uitkomst["onderwerpen"] = onderwerpen.beschrijving()
        uitkomst.update(pages.meet(onderwerpen, herhalingen=args.herhalingen))
        stap("Rapporten op een streaming replica")
        uitkomst["replica"] = replica.meet(onderwerpen, herhalingen=args.herhalingen)
        for r in uitkomst["replica"].get("paginas", []):
            print(f"  {r['naam']}: primary {r['zonder']['primary_ms']} → {r['met']['primary_ms']} ms, gelijk: {r['gelijk']}")
        if not args.zonder_load:
            stap(f"HTTP-load: {args.gebruikers} gebruikers, {args.load_seconden} s")
            uitkomst["load"] = load.draai(gebruikers_aantal=args.gebruikers, seconden=args.load_seconden)
            belast = uitkomst["load"]
            print(f"  {belast['per_seconde']} /s, p95 {belast['p95_ms']} ms, {belast['fouten']} fouten")
        stap("Bewaartermijn")
        uitkomst["jobs"].append(jobs.bewaartermijn())
        print(f"  {uitkomst['jobs'][-1]['naam']}: {uitkomst['jobs'][-1]['seconden']} s")
        stap("Toegangslog: verzegelen en de dag controleren")
        uitkomst["jobs"] += [jobs.verzegel(), jobs.controleer_dag(historie_verzegeld)]
        for job in uitkomst["jobs"][-2:]:
            print(f"  {job['naam']}: {job['seconden']} s")
        if args.controleer_log:
            stap("verify_audit_log")
            uitkomst["jobs"].append(jobs.controleer_log())
            print(f"  {uitkomst['jobs'][-1]['uitvoer']} ({uitkomst['jobs'][-1]['seconden']} s)")
        stap("Toegangslog: een maand afvoeren")
        uitkomst["jobs"].append(jobs.maand_afvoeren())
        print(f"  {uitkomst['jobs'][-1]['naam']}: {uitkomst['jobs'][-1]['seconden']} s")
    finally:
        uitkomst["duur_s"] = round(time.monotonic() - begin, 1)
        uitkomst["budgetten"] = report.budgetten(uitkomst)
        json_pad, md_pad = report.schrijf(uitkomst)
        if not args.houd_database:
            omgeving.database_weg()
    stap(f"Rapport: {json_pad.relative_to(omgeving.ROOT)}, {md_pad.relative_to(omgeving.ROOT)}")
    for b in uitkomst["budgetten"]:
        print(f"{'PASS' if b['pass'] else 'FAIL'}  {b['regel']}: {b['waarde']} (budget {b['budget']})")
    return 0 if all(b["pass"] for b in uitkomst["budgetten"]) else 1


if __name__ == "__main__":
    sys.exit(main())
