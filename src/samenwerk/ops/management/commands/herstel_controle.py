"""Part of the restore drill, run by `herstel_oefening` in its own process against the
restored copy (DATABASE_URL or SQLITE_PATH and SAMENWERK_AUDIT_ANCHOR_DIR point at it).
Prints one JSON line. Not for use on the live database: it signs a person in to open a case,
which adds rows to the access log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.urls import reverse

from samenwerk.ops.backup import MANIFEST, tabellen, tellingen


class Command(BaseCommand):
    help = "Controleert een herstelde kopie (onderdeel van herstel_oefening)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("manifest", type=Path)
        parser.add_argument("--casus", type=int)

    def handle(self, *args: Any, manifest: Path, casus: int | None, **options: Any) -> None:
        if manifest.name != MANIFEST:
            raise ValueError("expects the backup's manifest.json")
        verwacht = json.loads(manifest.read_text())["tabellen"]
        with connection.cursor() as cursor:
            namen = tabellen(cursor)
            gevonden = tellingen(cursor, namen)
        verschillen = {
            t: {"backup": verwacht.get(t), "hersteld": gevonden.get(t)}
            for t in sorted(set(verwacht) | set(gevonden))
            if verwacht.get(t) != gevonden.get(t)
        }
        from samenwerk.privacy.models import AuditEntry
        from samenwerk.privacy.zegels import verify

        # rows the backup caught before the sealer did are not a break in the copy
        breuken = [f"keten {b.chain}, {b.plek}: {b.reden}" for b in verify(onverzegeld_na=None)]
        rapport = {
            "tabellen": len(gevonden),
            "rijen": sum(gevonden.values()),
            "verschillen": verschillen,
            "toegangslog_rijen": AuditEntry.objects.count(),
            "breuken": breuken,
        }
        rapport |= self._open_casus(casus)  # last: it writes to the copy's access log
        self.stdout.write(json.dumps(rapport))

    def _open_casus(self, pk: int | None) -> dict[str, Any]:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from samenwerk.casussen.models import Betrokkene, Casus

        casussen = Casus.objects.select_related("inwoner")
        casus = casussen.filter(pk=pk).first() if pk else casussen.filter(
            betrokkenen__rol=Betrokkene.Rol.CASUSREGISSEUR, betrokkenen__tot__isnull=True
        ).order_by("pk").first()  # fmt: skip
        if casus is None:
            return {"casus": pk, "casus_geopend": False}
        regisseur = casus.betrokkenen.actief().filter(rol=Betrokkene.Rol.CASUSREGISSEUR).select_related("user").first()
        if regisseur is None:
            return {"casus": casus.pk, "casus_geopend": False}
        device = TOTPDevice.objects.filter(user=regisseur.user, confirmed=True).first() or TOTPDevice.objects.create(
            user=regisseur.user, name="herstel-oefening", confirmed=True
        )
        host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")), "testserver")
        client = Client(HTTP_HOST=host)
        client.force_login(regisseur.user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        response = client.get(reverse("casussen:detail", args=[casus.pk]), secure=True)
        geopend = response.status_code == 200 and casus.inwoner.achternaam in response.content.decode()
        return {"casus": casus.pk, "casus_geopend": geopend, "casus_status": response.status_code}
