"""The regie block on the case page: the AVE level with the responsibilities of that level,
procesregie, the latest external care signals, and for the procesregisseur (who has no plan
page) the agreements and their deadlines. A bounded number of queries."""

from __future__ import annotations

from django.http import HttpRequest

from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import is_procesregisseur
from samenwerk.casussen.services import log_casus
from samenwerk.privacy.models import Actie

from . import rules, selectors

LAATSTE = 5


def regieblok(request: HttpRequest, casus: Casus, volledig: bool) -> tuple[str, dict[str, object]]:
    user = request.user
    huidig = selectors.huidig_niveau(casus)
    tabel = selectors.ave_tabel(casus.gemeente_id)
    signalen = list(selectors.zorgsignalen(casus)[: LAATSTE + 1])
    tekst = rules.ziet_signaaltekst(user, casus)
    if signalen and tekst:
        log_casus(actor=user, casus=casus, actie=Actie.READ, gebeurtenis="zorgsignalen.bekeken", segment="zorgsignaal")
    heeft_procesregisseur = any(b.rol == "procesregisseur" for b in casus.betrokkenen.all())
    return "regie/blok.html", {
        "huidig": huidig,
        "verantwoordelijkheid": tabel[huidig.naar - 1] if huidig else None,
        "handelingen": list(selectors.handelingen(casus)[:LAATSTE]),
        "signalen": signalen[:LAATSTE],
        "meer_signalen": len(signalen) > LAATSTE,
        "signaaltekst": tekst,
        "afspraken": list(selectors.afspraken(casus)) if is_procesregisseur(user, casus) else None,
        "mag_niveau": rules.mag_niveau_wijzigen(user, casus),
        "mag_opschalen": rules.mag_opschalen(user, casus) and not heeft_procesregisseur,
        "mag_procesregie": rules.mag_procesregie_voeren(user, casus),
        "mag_signaal": rules.mag_signaal_vastleggen(user, casus),
    }
