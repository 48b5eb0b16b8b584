"""Retention (plannen/bewaren.py, ADR 0004): when a case is anonymised at the end of the
municipality's retention period, it leaves every ZET round the way a withdrawal does — the
interviews go, the round keeps a dated note."""

from __future__ import annotations

import datetime

from samenwerk.casussen.models import Casus

from .models import Rondecasus


def anonimiseer(casus: Casus, schuif: datetime.timedelta) -> None:
    from .services import _haal_weg

    for rc in Rondecasus.objects.filter(casus=casus):
        _haal_weg(rc)
