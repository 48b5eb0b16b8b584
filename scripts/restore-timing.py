"""How long a backup and a restore take on the benchmark dataset (docs/deployment.md, RPO and
RTO): generate bench's synthetic national dataset at a scale (default 0.1 = 10,000 cases) in
its own PostgreSQL database (`samenwerk_restore_bench`), then time `manage.py backup` and the
restore drill `manage.py herstel_oefening` on it, print the report, drop the database.

    .venv/bin/python scripts/restore-timing.py [--schaal 0.1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samenwerk_restore_bench")


def _vul_nieuwe_tekstvelden_aan() -> None:
    """The generator predates some columns (plannen.Afspraak.intrekreden and .versie, NOT NULL
    without a database default): give such columns their model default so COPY succeeds. Only for this
    measurement; the benchmark's own run reports the same failure."""
    from bench.generate.tabel import Tabel
    from django.db import connection, models

    oud_init, oud_add = Tabel.__init__, Tabel.add

    def init(self: Tabel, model: type[models.Model], velden: list[str]) -> None:
        velden = list(velden)
        kolommen = {model._meta.get_field(v).column for v in velden}
        self._extra = [
            f for f in model._meta.concrete_fields
            if f.column not in kolommen and not f.null and not f.primary_key and f.get_default() is not None
        ]  # fmt: skip
        oud_init(self, model, velden + [f.name for f in self._extra])

    def add(self: Tabel, *waarden: object) -> None:
        oud_add(self, *waarden, *(f.get_db_prep_save(f.get_default(), connection) for f in self._extra))

    Tabel.__init__, Tabel.add = init, add  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schaal", type=float, default=0.1)
    args = parser.parse_args()
    from bench import omgeving

    omgeving.nieuwe_database()
    _vul_nieuwe_tekstvelden_aan()
    try:
        from bench.generate import genereer

        begin = time.monotonic()
        dataset = genereer(schaal=args.schaal, seed=8)
        print(f"dataset (schaal {args.schaal}) in {time.monotonic() - begin:.0f} s", flush=True)
        from django.db import connections

        connections.close_all()
        env = {**os.environ, **omgeving.instellingen()}
        with tempfile.TemporaryDirectory() as tmp:
            begin = time.monotonic()
            subprocess.run([sys.executable, "manage.py", "backup", f"{tmp}/b"], cwd=ROOT, env=env, check=True)
            backup_s = time.monotonic() - begin
            grootte = sum(p.stat().st_size for p in Path(tmp, "b").iterdir())
            result = subprocess.run(
                [sys.executable, "manage.py", "herstel_oefening", f"{tmp}/b", "--json"],
                cwd=ROOT, env=env, check=False, capture_output=True, text=True,
            )  # fmt: skip
            rapport = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {"fout": result.stderr[-2000:]}
        rapport |= {"schaal": args.schaal, "rijen_dataset": sum(dataset["rijen"].values()), "backup_seconden": round(backup_s, 1),
                    "backup_bytes": grootte}  # fmt: skip
        print(json.dumps(rapport, indent=2, sort_keys=True))
    finally:
        omgeving.database_weg()


if __name__ == "__main__":
    main()
