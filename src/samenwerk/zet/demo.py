"""Demo ZET rounds in Lindenhoven (issue 19): a round of three demo cases with all three
sources, rode draden and improvement points (one overdue), and a compact round (one case,
two themes) half a year earlier whose improvement point recurs. Through the services; the
residents' ZET consent is recorded on their cases first. Idempotent."""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.demo import DemoContext, _demo_user, email_voor
from samenwerk.gemeenten.models import Rol, Roltoewijzing, User

from . import services
from .models import STANDAARDTHEMAS, Antwoord, Evaluatieronde

# Per theme: (resident's judgement, professionals' judgement, resident's words, professional's words)
GESPREKKEN = [
    (
        2,
        4,
        "Ik wist niet bij wie ik moest zijn; ik heb drie keer het verkeerde nummer gebeld.",
        "Zij kon het wijkteam goed vinden.",
    ),
    (3, 4, "Het spreekuur was alleen overdag, dat kon ik lastig combineren met mijn werk.", "Het spreekuur is ruim bereikbaar."),
    (4, 4, "Uiteindelijk kwam ik bij de goede mensen terecht.", "Na de vraagverheldering waren de juiste partners er snel bij."),
    (1, 4, "Ik moest mijn verhaal steeds opnieuw vertellen.", "We hebben de informatie goed gedeeld."),
    (4, 3, "De hulp paste bij wat ik wilde.", "Het plan sloot aan; de schulden bleven lastig."),
]


def _notulist(ctx: DemoContext) -> User:
    """A second onderzoeker who takes the notes (the second person of domain.md §9)."""
    user = _demo_user(email_voor("onderzoeker2"), "Lotte", "Willems")
    Roltoewijzing.objects.get_or_create(user=user, rol=Rol.ONDERZOEKER, gemeente=ctx.gemeente)
    ctx.logins.append((user.email, str(user), str(Rol.ONDERZOEKER.label)))
    # accounts.demo ran before this loader: give the new account the demo authenticator too.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samenwerk.accounts.demo import DEMO_DEVICE_NAME, DEMO_KEY

    TOTPDevice.objects.get_or_create(user=user, name=DEMO_DEVICE_NAME, defaults={"key": DEMO_KEY, "confirmed": True})
    return user


def _vul(actor: User, interview, professional: bool, themas: int) -> None:  # type: ignore[no-untyped-def]
    antwoorden = {}
    for a, (inw, prof, tekst_inw, tekst_prof) in zip(
        interview.antwoorden.order_by("thema__volgorde"), GESPREKKEN[:themas], strict=False
    ):
        antwoorden[a.thema_id] = services.Invulling(
            tekst=tekst_prof if professional else tekst_inw,
            notities="Tweede persoon: " + ("bevestigt dit." if professional else "inwoner werd hier emotioneel."),
            oordeel=prof if professional else inw,
        )
    services.sla_interview_op(actor=actor, interview=interview, antwoorden=antwoorden, versie=interview.versie)


def _interviews(tim: User, noor: User, rc, datum: datetime.date, *, themas: int, professionals: int) -> None:  # type: ignore[no-untyped-def]
    inwoner = services.start_interview(
        actor=tim, rondecasus=rc,
        gegevens=services.Interviewgegevens(
            bron="inwoner", datum=datum, interviewer=tim, notulist=noor, toestemming_vastgelegd=True, terugkoppeling_gewenst=True
        ),
    )  # fmt: skip
    _vul(tim, inwoner, False, themas)
    gezien = set()
    for b in rc.casus.betrokkenen.select_related("user").order_by("sinds", "id"):
        if len(gezien) >= professionals or b.user_id in gezien:
            continue
        gezien.add(b.user_id)
        prof = services.start_interview(
            actor=tim, rondecasus=rc,
            gegevens=services.Interviewgegevens(
                bron="professional", datum=datum, interviewer=noor, notulist=tim, professional=b.user
            ),
        )  # fmt: skip
        _vul(tim, prof, True, themas)


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Evaluatieronde.objects.filter(gemeente=ctx.gemeente).exists():
        return
    tim = ctx.mensen.get("onderzoeker")
    if tim is None:
        return
    noor = _notulist(ctx)
    kandidaten = list(
        Casus.objects.filter(gemeente=ctx.gemeente, plan__isnull=False)
        .annotate(n=Count("betrokkenen"))
        .filter(n__gte=1)
        .order_by("-n", "pk")[:4]
    )
    if len(kandidaten) < 4:
        return
    for casus in kandidaten:
        regisseur = casus.betrokkenen.filter(rol="casusregisseur").select_related("user").first()
        door = regisseur.user if regisseur else casus.betrokkenen.first().user
        casussen.leg_toestemming_vast(actor=door, casus=casus, doel="zet", gegeven=True, wijze="schriftelijk")
    vandaag = timezone.localdate()
    # A compact round half a year ago: one case, two themes, all three sources.
    compact = services.maak_ronde(
        actor=tim, gemeente=ctx.gemeente, naam="ZET compact – najaar", van=vandaag - datetime.timedelta(days=210),
        tot=vandaag - datetime.timedelta(days=150), themas=[str(STANDAARDTHEMAS[0]), str(STANDAARDTHEMAS[3])],
    )  # fmt: skip
    services.voeg_evaluator_toe(actor=tim, ronde=compact, user=noor, taak="notulist")
    rc = services.kies_casus(actor=tim, ronde=compact, casus=kandidaten[3])
    _interviews(tim, noor, rc, vandaag - datetime.timedelta(days=180), themas=2, professionals=1)
    services.maak_verbeterpunt(
        actor=tim, ronde=compact, tekst="Eén contactpersoon die het verhaal van de inwoner doorgeeft",
        uiterlijk=vandaag - datetime.timedelta(days=60), eigenaar_organisatie=ctx.organisaties["gem_zw"],
    )  # fmt: skip
    # The round of three.
    ronde = services.maak_ronde(
        actor=tim, gemeente=ctx.gemeente, naam="ZET voorjaar", van=vandaag - datetime.timedelta(days=30),
        tot=vandaag + datetime.timedelta(days=60),
    )  # fmt: skip
    services.voeg_evaluator_toe(actor=tim, ronde=ronde, user=noor, taak="notulist")
    rcs = [services.kies_casus(actor=tim, ronde=ronde, casus=c) for c in kandidaten[:3]]
    for i, rc in enumerate(rcs):
        _interviews(tim, noor, rc, vandaag - datetime.timedelta(days=20 - i), themas=5, professionals=2 if i == 0 else 1)
    services.sla_aanvulling_op(
        actor=tim, rondecasus=rcs[0],
        aanvulling=(
            "De inwoner zat in de periode voor de aanmelding al bij de huisarts en de woningcorporatie; "
            "dat staat niet in het dossier."
        ),
    )  # fmt: skip
    antwoorden = {
        (a.interview.rondecasus_id, a.interview.bron, a.thema.volgorde): a.pk
        for a in Antwoord.objects.filter(interview__rondecasus__ronde=ronde).select_related("interview", "thema")
    }
    loket = services.maak_rode_draad(
        actor=tim, ronde=ronde, naam="Het loket is onbekend",
        beschrijving="Inwoners weten niet waar ze terecht kunnen; professionals denken van wel.",
        antwoorden=[antwoorden[(rc.pk, "inwoner", 1)] for rc in rcs] + [antwoorden[(rcs[0].pk, "professional", 1)]],
    )  # fmt: skip
    verhaal = services.maak_rode_draad(
        actor=tim, ronde=ronde, naam="Steeds opnieuw het verhaal vertellen",
        beschrijving="Informatie gaat niet mee tussen domeinen en systemen.",
        antwoorden=[antwoorden[(rc.pk, "inwoner", 4)] for rc in rcs], dossiers=[rcs[0].pk],
    )  # fmt: skip
    services.maak_verbeterpunt(
        actor=tim, ronde=ronde, tekst="Eén contactpersoon die het verhaal van de inwoner doorgeeft",
        uiterlijk=vandaag + datetime.timedelta(days=90), eigenaar_organisatie=ctx.organisaties["gem_zw"],
        rode_draden=[verhaal.pk],
    )  # fmt: skip
    services.maak_verbeterpunt(
        actor=tim, ronde=ronde, tekst="Het wijkteam-spreekuur ook 's avonds, en op de gemeentesite vindbaar",
        uiterlijk=vandaag - datetime.timedelta(days=3), eigenaar=ctx.mensen.get("aanjager") or tim, rode_draden=[loket.pk],
    )  # fmt: skip
    services.maak_verbeterpunt(
        actor=tim, ronde=ronde, tekst="Successen van samenwerking over domeinen heen delen in het netwerkoverleg",
        uiterlijk=vandaag + datetime.timedelta(days=120), eigenaar_organisatie=ctx.organisaties["welzijn"],
    )  # fmt: skip
