"""Cases with a known history for the ZET tests: every date of the dossier study is set, so
the computed facts can be asserted day by day."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from samenwerk.casussen.models import Betrokkene, Toestemming
from samenwerk.gemeenten.models import Rol
from samenwerk.overleg.models import Overleg
from samenwerk.plannen.models import Afspraak, Ronde, Samenwerkplan
from samenwerk.regie.models import Niveauwijziging
from samenwerk.zet import services
from tests.factories import CasusFactory, RoltoewijzingFactory, UserFactory

BEGIN = datetime.date(2026, 3, 2)


def dag(n: int) -> datetime.date:
    return BEGIN + datetime.timedelta(days=n)


def geef_zet_toestemming(casus, door, gegeven: bool = True) -> None:  # type: ignore[no-untyped-def]
    Toestemming.objects.create(casus=casus, doel="zet", gegeven=gegeven, wijze="schriftelijk", vastgelegd_door=door)


def dossiercasus(personas, *, zet: bool = True):  # type: ignore[no-untyped-def]
    """A case registered on BEGIN: consent day 3, decision to meet day 10, first meeting day
    20, agreements from day 20 all done by day 50, an evaluation day 60, AVE 1→2 day 30, the
    colleague's organisation involved from day 15 to day 55, closed day 70."""
    casus = CasusFactory(
        gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie,
        aanmelddatum=BEGIN, status="afgesloten", afgesloten_op=dag(70), afsluitreden="doel bereikt",
    )  # fmt: skip
    Toestemming.objects.filter(casus=casus, doel="samenwerkwijze").update(datum=dag(3))
    Betrokkene.objects.filter(casus=casus).update(sinds=BEGIN)
    collega = Betrokkene.objects.create(
        casus=casus, user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie, sinds=dag(15), tot=dag(55)
    )
    plan = Samenwerkplan.objects.create(casus=casus, gemeente=casus.gemeente, overleg_nodig=True, overleg_besloten_op=dag(10))
    ronde0 = Ronde.objects.create(plan=plan, nummer=0, soort="plan", datum=dag(20))
    Ronde.objects.create(plan=plan, nummer=1, soort="evaluatie", datum=dag(60))
    begint = timezone.make_aware(datetime.datetime.combine(dag(20), datetime.time(10)))
    Overleg.objects.create(
        gemeente=casus.gemeente, casus=casus, doel="x", begint=begint, eindigt=begint + datetime.timedelta(hours=1),
        voorzitter="V", notulist="N", antwoord_voor=dag(18), organisator=personas.professional, status="gehouden",
    )  # fmt: skip
    for voltooid in (dag(40), dag(50)):
        Afspraak.objects.create(
            plan=plan, gemeente=casus.gemeente, ronde=ronde0, wie="inwoner", wat="x", start=dag(20),
            uiterlijke_datum=dag(62), voltooid_op=voltooid,
        )  # fmt: skip
    Niveauwijziging.objects.create(
        casus=casus, gemeente=casus.gemeente, van=1, naar=2, reden="x", datum=dag(30), besloten_door=personas.professional,
        besloten_door_naam="P",
    )  # fmt: skip
    if zet:
        geef_zet_toestemming(casus, personas.professional)
    casus.collega = collega
    return casus


def tweede_onderzoeker(personas):  # type: ignore[no-untyped-def]
    user = UserFactory(email="notulist@testwijde.example")
    RoltoewijzingFactory(user=user, rol=Rol.ONDERZOEKER, gemeente=personas.gemeente)
    return user


def ronde_met_casussen(personas, aantal: int = 3):  # type: ignore[no-untyped-def]
    notulist = tweede_onderzoeker(personas)
    ronde = services.maak_ronde(
        actor=personas.onderzoeker, gemeente=personas.gemeente, naam="ZET voorjaar", van=BEGIN, tot=dag(90)
    )
    services.voeg_evaluator_toe(actor=personas.onderzoeker, ronde=ronde, user=notulist, taak="notulist")
    casussen = [dossiercasus(personas) for _ in range(aantal)]
    rcs = [services.kies_casus(actor=personas.onderzoeker, ronde=ronde, casus=c) for c in casussen]
    return SimpleNamespace(ronde=ronde, notulist=notulist, casussen=casussen, rcs=rcs)


def interview(personas, z, rc, bron: str = "inwoner", professional=None, **extra):  # type: ignore[no-untyped-def]
    return services.start_interview(
        actor=personas.onderzoeker,
        rondecasus=rc,
        gegevens=services.Interviewgegevens(
            bron=bron, datum=dag(100), interviewer=personas.onderzoeker, notulist=z.notulist, professional=professional,
            toestemming_vastgelegd=bron == "inwoner", **extra,
        ),
    )  # fmt: skip


def vul_in(personas, gesprek, oordelen: list[int | None], tekst: str = "Gesproken"):  # type: ignore[no-untyped-def]
    antwoorden = {
        a.thema_id: services.Invulling(tekst=tekst if o else "", notities="", oordeel=o)
        for a, o in zip(gesprek.antwoorden.order_by("thema__volgorde"), oordelen, strict=False)
    }
    gesprek.refresh_from_db()
    return services.sla_interview_op(actor=personas.onderzoeker, interview=gesprek, antwoorden=antwoorden, versie=gesprek.versie)
