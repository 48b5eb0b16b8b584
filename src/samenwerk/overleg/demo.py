"""Demo meetings in Lindenhoven (issue 4 item 10), through the same services a user calls:
Sevda Aydın's case has a held meeting (one invitee forwarded the invitation to a colleague,
agreements went into the plan, the plan went to those the resident consented to) and Henk
Scholten's case has a planned meeting with a refusal for the gebiedsaanjager. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.demo import DemoContext
from samenwerk.plannen.models import Samenwerkplan

from . import antwoorden, services
from .berichten import Soort
from .models import Deelnemer, Overleg


def _op(dagen: int, uur: int) -> datetime.datetime:
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def _gegevens(casus: Casus, dagen: int, doel: str, voorzitter) -> services.OverlegGegevens:
    """Chaired by the casusregisseur (`voorzitter`); notes by the case's other professional if
    there is one, else by the resident."""
    regisseur = casus.betrokkenen.actief().get(user=voorzitter)
    ander = casus.betrokkenen.actief().exclude(pk=regisseur.pk).order_by("pk").first()
    return services.OverlegGegevens(
        vorm="samenwerkwijze", soort="eerste", doel=doel, begint=_op(dagen, 10), eindigt=_op(dagen, 11),
        voorzitter=("betrokkene", regisseur.pk), notulist=("betrokkene", ander.pk) if ander else ("inwoner", None),
    )  # fmt: skip


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Overleg.objects.filter(gemeente=ctx.gemeente).exists():
        return
    sevda = Casus.objects.filter(gemeente=ctx.gemeente, inwoner__voornaam="Sevda").first()
    henk = Casus.objects.filter(gemeente=ctx.gemeente, inwoner__voornaam="Henk").first()
    if sevda is None or henk is None:
        return
    sanne = ctx.mensen["professional"]
    _gehouden(sanne, sevda)
    _gepland(sanne, henk)
    # Ruud's plan decided on a meeting three weeks ago and none was planned: the two-week
    # rule shows on the dashboards (the demo is built in one day, so the date is set back).
    Samenwerkplan.objects.filter(casus__gemeente=ctx.gemeente, casus__inwoner__voornaam="Ruud").update(
        overleg_besloten_op=timezone.localdate() - datetime.timedelta(weeks=3)
    )


def _nodig_uit(actor, overleg: Overleg, genodigden: list[services.Genodigde]) -> dict[str, Deelnemer]:
    lijst = {g.email: services.voeg_deelnemer_toe(actor=actor, overleg=overleg, genodigde=g) for g in genodigden}
    services.leg_lijst_akkoord_vast(actor=actor, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=actor, overleg=overleg)
    return lijst


def _gehouden(sanne, casus: Casus) -> None:
    overleg = services.plan_overleg(
        actor=sanne, casus=casus, gegevens=_gegevens(casus, 2, "Sevda wil rust in haar geldzaken en een veilig thuis.", sanne)
    )
    dochter = casus.netwerk.first()
    lijst = _nodig_uit(
        sanne,
        overleg,
        [
            services.Genodigde(soort="netwerklid", naam=dochter.naam, email="lotte.aydin@voorbeeld.example", reden="ervaring",
                               netwerklid=dochter, plan_delen=True),
            services.Genodigde(soort="professional", naam="Joris Smit", email="joris@wonen-lindenhoven.example",
                               organisatie="Woonstichting Lindenhoven", reden="kennis", plan_delen=True),
            services.Genodigde(soort="professional", naam="Karin Mulder", email="karin@schuldhulp.example",
                               organisatie="Schuldhulp Op Orde", reden="meedenken"),
        ],
    )  # fmt: skip
    antwoorden.beantwoord(deelnemer=lijst["lotte.aydin@voorbeeld.example"], komt=True)
    antwoorden.beantwoord(deelnemer=lijst["joris@wonen-lindenhoven.example"], komt=True)
    collega = antwoorden.stuur_door(
        deelnemer=lijst["karin@schuldhulp.example"], naam="Pieter de Boer", email="pieter@schuldhulp.example",
        organisatie="Schuldhulp Op Orde", toelichting="Pieter doet de schuldhulp in het centrum.",
    )  # fmt: skip
    antwoorden.beantwoord(deelnemer=collega, komt=True)
    # The meeting took place ten days ago; invitations and answers came the week before.
    Overleg.objects.filter(pk=overleg.pk).update(
        begint=_op(-10, 10), eindigt=_op(-10, 11), antwoord_voor=timezone.localdate() - datetime.timedelta(days=12)
    )
    overleg.deelnemers.update(uitgenodigd_op=_op(-17, 9), beantwoord_op=_op(-15, 14))
    # Those e-mails went out then: marked sent, so the worker does not send invitations for a
    # meeting already held, and the resend job finds nothing waiting.
    Bericht.objects.filter(overleg_deelnemer__overleg=overleg).update(
        aangemaakt_op=_op(-17, 9), verzonden_op=_op(-17, 9), status=Bericht.Status.VERZONDEN
    )
    overleg.refresh_from_db()
    services.beantwoord_checklist(
        actor=sanne, overleg=overleg, antwoorden={p.pk: ("Besproken met Sevda.", False) for p in overleg.checklist.all()}
    )
    for punt in overleg.agenda.all()[:4]:
        services.noteer(actor=sanne, agendapunt=punt, notities="Sevda vertelde zelf; iedereen kwam aan het woord.")
    services.neem_afspraak_op(
        actor=sanne, overleg=overleg, wie="inwoner", wat="Zelf de brief van de energiemaatschappij meenemen naar Pieter"
    )
    services.neem_afspraak_op(
        actor=sanne, overleg=overleg, wie="netwerklid", netwerklid=casus.netwerk.first(), wat="Mee naar het eerste gesprek"
    )
    regisseur = casus.betrokkenen.get(rol="casusregisseur", tot__isnull=True)
    deelnemers = list(overleg.deelnemers.exclude(antwoord=Deelnemer.Antwoord.DOORGESTUURD))
    services.sluit_af(
        actor=sanne,
        overleg=overleg,
        afsluiting=services.Afsluiting(
            casusregisseur=regisseur, procesregisseur_nodig=False, vervolg="evaluatie_overleg",
            vervolg_datum=timezone.localdate() + datetime.timedelta(weeks=4),
            afsluitronde={d.pk: "Fijn dat we het samen aan tafel bespraken." for d in deelnemers},
            aanwezig=frozenset(d.pk for d in deelnemers),
        ),
    )  # fmt: skip
    Overleg.objects.filter(pk=overleg.pk).update(gehouden_op=_op(-10, 11))
    Bericht.objects.filter(overleg_deelnemer__overleg=overleg, soort=Soort.PLAN).update(
        aangemaakt_op=_op(-10, 12), verzonden_op=_op(-10, 12), status=Bericht.Status.VERZONDEN
    )


def _gepland(sanne, casus: Casus) -> None:
    overleg = services.plan_overleg(
        actor=sanne, casus=casus, gegevens=_gegevens(casus, 5, "Henk wil in zijn eigen huis blijven wonen.", sanne)
    )
    lijst = _nodig_uit(
        sanne,
        overleg,
        [
            services.Genodigde(soort="professional", naam="Femke Jansen", email="femke@ggz-lindenhoven.example",
                               organisatie="GGZ Lindenhoven", reden="kennis", plan_delen=True),
            services.Genodigde(soort="professional", naam="Gert Wonen", email="gert@wonen-lindenhoven.example",
                               organisatie="Woonstichting Lindenhoven", reden="kritisch"),
        ],
    )  # fmt: skip
    antwoorden.beantwoord(deelnemer=lijst["femke@ggz-lindenhoven.example"], komt=True)
    antwoorden.beantwoord(deelnemer=lijst["gert@wonen-lindenhoven.example"], komt=False, toelichting="Geen capaciteit deze week")
