"""Demo cohorts in Lindenhoven (issue 20): one finished (three days, attendance, assignments,
buddies whose appointment is due, two certificates of which one revoked) and one running
(day 1 behind, days 2 and 3 ahead, assignments in every state). Participants come from mixed
organisations. Through the services; fictional people. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.gemeenten.demo import DemoContext, _demo_user, email_voor
from samenwerk.gemeenten.models import Rol, Roltoewijzing

from . import services, services_certificaat, services_opdrachten
from .models import Leertraject

# key: (first name, last name, organisation key)
CURSISTEN = {
    "cursist1": ("Lotte", "Verbeek", "welzijn"),
    "cursist2": ("Daan", "Peters", "thuiszorg"),
    "cursist3": ("Mila", "Vos", "ggz"),
    "cursist4": ("Sem", "Koning", "wonen"),
    "cursist5": ("Julia", "Meijer", "gem_wi"),
    "cursist6": ("Finn", "de Graaf", "schuld"),
    "cursist7": ("Zoë", "Bos", "sport"),
    "cursist8": ("Lucas", "Dijkstra", "welzijn"),
    "cursist9": ("Emma", "Prins", "gem_zw"),
    "cursist10": ("Noah", "Wouters", "thuiszorg"),
}
ERVARINGSTRAINER = ("ervaringstrainer", "Hanneke", "Groen", "vrijwilligers")


def _moment(dag: datetime.date, uur: int) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def _mensen(ctx: DemoContext) -> None:
    for key, (voornaam, achternaam, org) in CURSISTEN.items() | {ERVARINGSTRAINER[0]: ERVARINGSTRAINER[1:]}.items():
        user = _demo_user(email_voor(key), voornaam, achternaam)
        Roltoewijzing.objects.get_or_create(
            user=user, rol=Rol.SOCIAAL_PROFESSIONAL, gemeente=ctx.gemeente, organisatie=ctx.organisaties[org]
        )
        ctx.mensen[key] = user
        wie = "ervaringstrainer" if key == ERVARINGSTRAINER[0] else "cursist"
        ctx.logins.append((user.email, str(user), f"{Rol.SOCIAAL_PROFESSIONAL.label} ({wie})"))


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Leertraject.objects.filter(gemeente=ctx.gemeente).exists():
        return
    _mensen(ctx)
    noor = ctx.mensen["aanjager2"]
    vandaag = timezone.localdate()
    gedaan = services.maak_traject(
        actor=noor, gemeente=ctx.gemeente, naam="Leertraject Samenwerkwijze voorjaar", vorm="drie_dagen",
        didactisch_trainer=ctx.mensen["aanjager"], ervaringstrainer=ctx.mensen["ervaringstrainer"],
        gebied=ctx.gebieden["centrum"],
    )  # fmt: skip
    for nummer, dagen_terug in ((1, 150), (2, 120), (3, 94)):
        dag = vandaag - datetime.timedelta(days=dagen_terug)
        services.plan_dag(
            actor=noor, traject=gedaan, nummer=nummer, begin=_moment(dag, 9), eind=_moment(dag, 16),
            locatie="Buurthuis De Linde, zaal 1",
        )  # fmt: skip
    deelnemers = [services.voeg_deelnemer_toe(actor=noor, traject=gedaan, user=ctx.mensen[f"cursist{n}"]) for n in range(1, 7)]
    for dag in gedaan.dagen.all():
        aanwezig = [d.pk for d in deelnemers if not (dag.nummer == 2 and d.user == ctx.mensen["cursist6"])]
        services.leg_aanwezigheid_vast(actor=noor, dag=dag, aanwezig=aanwezig)
    for eerste, tweede in ((0, 1), (2, 3), (4, 5)):
        services.koppel_maatjes(actor=noor, eerste=deelnemers[eerste], tweede=deelnemers[tweede])
    trainer = ctx.mensen["aanjager"]
    for d in deelnemers[:3]:
        services.wijzig_leervraag(
            actor=d.user, deelnemer=d, ik_wil="Eerder samen met andere organisaties optrekken.",
            ik_kan="Goed luisteren naar wat de inwoner zelf wil.", ik_heb_nodig="Oefening in het voorzitten van een overleg.",
            terugblik="Ik nodig nu vaker collega's van andere organisaties uit.",
        )  # fmt: skip
        for code in ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"):
            inlevering = services_opdrachten.lever_in(
                actor=d.user, deelnemer=d, opdracht=code, tekst="Uitwerking van de opdracht (demo)."
            )
            services_opdrachten.geef_feedback(actor=trainer, inlevering=inlevering, feedback="Goed gedaan.", akkoord=True)
    eerste = services_certificaat.geef_certificaat_uit(actor=trainer, deelnemer=deelnemers[0])
    services_certificaat.geef_certificaat_uit(actor=trainer, deelnemer=deelnemers[1])
    services_certificaat.trek_in(actor=trainer, certificaat=eerste, reden="Uitgegeven aan de verkeerde deelnemer (demo).")

    lopend = services.maak_traject(
        actor=noor, gemeente=ctx.gemeente, naam="Leertraject Samenwerkwijze najaar", vorm="drie_dagen",
        didactisch_trainer=ctx.mensen["aanjager"], ervaringstrainer=ctx.mensen["ervaringstrainer"],
        gebied=ctx.gebieden["waterkant"],
    )  # fmt: skip
    for nummer, dagen in ((1, -14), (2, 30), (3, 75)):
        dag = vandaag + datetime.timedelta(days=dagen)
        services.plan_dag(
            actor=noor, traject=lopend, nummer=nummer, begin=_moment(dag, 9), eind=_moment(dag, 16),
            locatie="Wijkcentrum Molenhaven", online=nummer == 2,
        )  # fmt: skip
    namen = ["cursist7", "cursist8", "cursist9", "cursist10", "professional"]
    nieuw = [services.voeg_deelnemer_toe(actor=noor, traject=lopend, user=ctx.mensen[k]) for k in namen]
    services.leg_aanwezigheid_vast(actor=noor, dag=lopend.dagen.get(nummer=1), aanwezig=[d.pk for d in nieuw[:4]])
    services.koppel_maatjes(actor=noor, eerste=nieuw[0], tweede=nieuw[1])
    # Assignments in every state: open, handed in, asked to add, approved.
    a = services_opdrachten.lever_in(actor=nieuw[0].user, deelnemer=nieuw[0], opdracht="A", tekst="Ik wil leren regie te nemen.")
    services_opdrachten.geef_feedback(actor=trainer, inlevering=a, feedback="Helder geformuleerd.", akkoord=True)
    b = services_opdrachten.lever_in(actor=nieuw[1].user, deelnemer=nieuw[1], opdracht="A", tekst="Samenwerken.")
    services_opdrachten.geef_feedback(
        actor=trainer, inlevering=b, feedback="Maak het concreter: wat wil je over drie maanden kunnen?", akkoord=False
    )
    services_opdrachten.lever_in(
        actor=nieuw[2].user, deelnemer=nieuw[2], opdracht="A", tekst="Ik wil een overleg leren voorzitten."
    )
    ctx.meldingen.append("Leertrajecten: {site}/leertraject/ (badges controleren: {site}/leertraject/badges/controleren/)")
