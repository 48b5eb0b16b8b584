"""One function per thing a user does with a case (style.md §3). Each runs in a
transaction, writes the access log and the case timeline in that transaction, and is called
by the pages and the API alike."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Gebied, Organisatie, User
from samenwerk.privacy.audit import Grondslag, Onderwerp, Regel, bundel, record_many
from samenwerk.privacy.models import Actie

from .models import Betrokkene, Casus, Gebeurtenis, Inwoner, Netwerklid, Noodtoegang, Route, Toestemming
from .workflow import VEREIST_TOESTEMMING, Status, mag_naar

REDEN_ANDERE_HULP = "andere hulp gekozen"
REDEN_INGETROKKEN = "toestemming ingetrokken"


def log_casus(
    *,
    actor: User,
    casus: Casus,
    actie: str,
    gebeurtenis: str,
    segment: str = "casus",
    velden: tuple[str, ...] | list[str] = (),
    object_type: str = "casus",
    object_id: int | str | None = None,
    noodtoegang: bool = False,
    reden: str = "",
) -> None:
    """Write one access-log row about this case, with the actor's relationship to it. While
    the actor has emergency access to the case the row says so, with its reason — also when
    they hold a role on it too (issue 17): the log never hides that the glass was broken."""
    betrokkene = next((b for b in casus.betrokkenen.all() if b.user_id == actor.pk and b.tot is None), None)
    if not hasattr(casus, "mijn_noodtoegang"):  # a case fetched again inside a service: ask
        casus.mijn_noodtoegang = (  # type: ignore[attr-defined]
            Noodtoegang.objects.actief()
            .filter(casus_id=casus.pk, user_id=actor.pk)
            .order_by("-van")
            .values_list("reden", flat=True)
            .first()
        )
    if casus.mijn_noodtoegang:  # type: ignore[attr-defined]
        noodtoegang, reden = True, casus.mijn_noodtoegang  # type: ignore[attr-defined]
    regel = _regel(
        casus, betrokkene, toestemming=heeft_toestemming(casus), noodtoegang=noodtoegang, reden=reden,
        segment=segment, object_type=object_type, object_id=object_id,
    )  # fmt: skip
    record_many(actor=actor, actie=actie, gebeurtenis=gebeurtenis, regels=[regel], velden=velden)


def _regel(
    casus: Casus,
    betrokkene: Betrokkene | None,
    *,
    toestemming: bool,
    noodtoegang: bool,
    reden: str,
    segment: str,
    object_type: str = "casus",
    object_id: int | str | None = None,
) -> Regel:
    """Whose data and on which basis, for a row about this case: the actor's part in it (or
    emergency access), consent, purpose. log_casus and log_lijst both write rows this way."""
    return Regel(
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            inwoner_id=casus.inwoner_id,
            casus_id=casus.pk,
            object_type=object_type,
            object_id=object_id if object_id is not None else casus.pk,
            gegevenssegment=segment,
        ),
        grondslag=Grondslag(
            doel="zorgverlening",
            grond_rol=betrokkene is not None,
            relatie=betrokkene.rol if betrokkene else "",
            toestemming=toestemming,
            noodtoegang=noodtoegang,
            reden=reden,
        ),
        rol=betrokkene.rol if betrokkene else "",
        organisatie=str(betrokkene.organisatie) if betrokkene else "",
    )


def log_lijst(*, actor: User, casussen: Sequence[Casus], gebeurtenis: str = "casus.lijst", pagina: Regel | None = None) -> None:
    """A list that shows residents' names (Mijn casussen, its search, the API list): a read
    row naming every case on the page whose resident it shows, one per basis (`bundel`), so
    that "who looked at my data" tells each resident their name was on this person's list, on
    which basis. The procesregisseur's rows show no resident and are not logged here. A fixed
    number of queries for any page. `pagina`: the list's own row (who looked at the list),
    written in the same one write."""
    ids = [casus.pk for casus in casussen]
    if not ids:
        if pagina is not None:
            record_many(actor=actor, actie=Actie.READ, gebeurtenis=gebeurtenis, regels=[pagina])
        return
    rollen = Betrokkene.objects.actief().filter(casus_id__in=ids, user=actor).select_related("organisatie")
    betrokken = {b.casus_id: b for b in rollen.order_by("-id")}  # the first one, as log_casus takes
    nood = dict(
        Noodtoegang.objects.actief().filter(casus_id__in=ids, user=actor).order_by("van").values_list("casus_id", "reden")
    )  # the latest reason wins; emergency access is logged as such also beside a role (as log_casus does)
    toestemming = laatste_toestemming(ids)
    regels = []
    for casus in casussen:
        b = betrokken.get(casus.pk)
        if (b is None and casus.pk not in nood) or (b is not None and b.rol == Betrokkene.Rol.PROCESREGISSEUR):
            continue
        regels.append(
            _regel(
                casus,
                b,
                toestemming=toestemming.get(casus.pk, False),
                noodtoegang=casus.pk in nood,
                reden=nood.get(casus.pk, ""),
                segment="persoonsgegevens",
            )
        )
    regels = bundel(regels)
    if pagina is not None:
        regels.insert(0, pagina)
    if regels:
        record_many(actor=actor, actie=Actie.READ, gebeurtenis=gebeurtenis, regels=regels, velden=("voornaam", "achternaam"))


def laatste_toestemming(
    casus_ids: Iterable[int], doel: str = Toestemming.Doel.SAMENWERKWIJZE, geldt_voor: str = ""
) -> dict[int, bool]:
    """Per case: whether its latest recorded consent for this purpose was given (one query)."""
    rijen = Toestemming.objects.filter(casus_id__in=list(casus_ids), doel=doel, geldt_voor=geldt_voor)
    laatste: dict[int, bool] = {}
    for casus_id, gegeven in rijen.order_by("vastgelegd_op", "id").values_list("casus_id", "gegeven"):
        laatste[casus_id] = gegeven
    return laatste


def heeft_toestemming(casus: Casus, doel: str = Toestemming.Doel.SAMENWERKWIJZE, geldt_voor: str = "") -> bool:
    return laatste_toestemming([casus.pk], doel, geldt_voor).get(casus.pk, False)


def tijdlijn(casus: Casus, actor: User | None, soort: str, omschrijving: str) -> None:
    Gebeurtenis.objects.create(casus=casus, soort=soort, omschrijving=omschrijving[:300], door=str(actor) if actor else "")


@dataclass(frozen=True)
class InwonerGegevens:
    voornaam: str
    achternaam: str
    geboortedatum: datetime.date | None = None
    straat: str = ""
    postcode: str = ""
    woonplaats: str = ""
    telefoon: str = ""
    email: str = ""


@transaction.atomic
def meld_aan(
    *,
    actor: User,
    organisatie: Organisatie,
    gebied: Gebied,
    inwoner: InwonerGegevens,
    binnengekomen_via: str,
    aangemeld_door: str = "",
    aanmelddatum: datetime.date | None = None,
    reeds_betrokken: str = "",
    aanleiding: str = "",
    route: str = Route.SAMENWERKWIJZE,
    casusregisseur: bool = True,
) -> Casus:
    """Step 1: a question comes in. The professional who records it takes part in the case."""
    if gebied.gemeente_id != organisatie.gemeente_id:
        raise ValidationError({"gebied": _("Dit gebied hoort bij een andere gemeente.")})
    bewoner = Inwoner.objects.create(gemeente_id=organisatie.gemeente_id, **inwoner.__dict__)
    casus = Casus.objects.create(
        gemeente_id=organisatie.gemeente_id,
        gebied=gebied,
        inwoner=bewoner,
        route=route,
        binnengekomen_via=binnengekomen_via,
        aangemeld_door=aangemeld_door,
        aanmelddatum=aanmelddatum or timezone.localdate(),
        reeds_betrokken=reeds_betrokken,
        aanleiding=aanleiding,
        status=Status.TRIAGE if route == Route.TAFEL else Status.AANGEMELD,
    )
    rol = Betrokkene.Rol.CASUSREGISSEUR if casusregisseur else Betrokkene.Rol.DEELNEMER
    Betrokkene.objects.create(casus=casus, user=actor, organisatie=organisatie, rol=rol)
    tijdlijn(casus, actor, "aanmelding", _("Aangemeld via: %(via)s") % {"via": casus.get_binnengekomen_via_display()})
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="casus.aangemeld",
        segment="persoonsgegevens",
        velden=[k for k, v in inwoner.__dict__.items() if v],
    )
    return casus


@transaction.atomic
def wijzig_inwoner(*, actor: User, casus: Casus, wijzigingen: dict[str, object], reden: str = "") -> Inwoner:
    """Change the resident's details. `reden` names why (e.g. "correctieverzoek 12"); it is
    written to the access log with the names of the changed fields, never their values."""
    from .models import CORRIGEERBAAR

    onbekend = set(wijzigingen) - set(CORRIGEERBAAR)
    if onbekend:
        raise ValidationError({veld: _("Dit gegeven kan hier niet gewijzigd worden.") for veld in sorted(onbekend)})
    inwoner = Inwoner.objects.select_for_update().get(pk=casus.inwoner_id)
    for veld, waarde in wijzigingen.items():
        setattr(inwoner, veld, "" if waarde is None and veld != "geboortedatum" else waarde)
    inwoner.full_clean(exclude=["gemeente"])
    inwoner.save(update_fields=list(wijzigingen))
    casus.inwoner = inwoner
    tijdlijn(casus, actor, "inwoner", _("Gegevens van de inwoner gewijzigd"))
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="inwoner.gewijzigd",
        segment="persoonsgegevens",
        object_type="inwoner",
        object_id=inwoner.pk,
        velden=list(wijzigingen),
        reden=reden,
    )
    return inwoner


# What apps above casussen do when consent for one of their purposes is withdrawn (a learning
# table unlinks its shared copy, ZET takes the case out of its rounds): purpose → functions
# `(*, actor, casus)`, registered in their AppConfig.ready, called in the same transaction.
NA_INTREKKING: dict[str, list[Callable[..., None]]] = {}


@transaction.atomic
def leg_toestemming_vast(
    *,
    actor: User,
    casus: Casus,
    doel: str,
    gegeven: bool,
    wijze: str,
    datum: datetime.date | None = None,
    geldt_voor: str = "",
    toelichting: str = "",
) -> Toestemming:
    """Record consent (domain.md §8). Refusing the Samenwerkwijze closes the case with the
    reason "andere hulp gekozen"; giving it opens question clarification."""
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    toestemming = Toestemming.objects.create(
        casus=casus,
        doel=doel,
        gegeven=gegeven,
        wijze=wijze,
        datum=datum or timezone.localdate(),
        geldt_voor=geldt_voor,
        toelichting=toelichting,
        vastgelegd_door=actor,
    )
    label = toestemming.get_doel_display()
    tijdlijn(
        casus,
        actor,
        "toestemming",
        (_("Toestemming gegeven: %(doel)s") if gegeven else _("Geen toestemming: %(doel)s")) % {"doel": label},
    )
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="toestemming.vastgelegd",
        segment="toestemming",
        object_type="toestemming",
        object_id=toestemming.pk,
    )
    if not gegeven:  # apps above this one stop using the case for that purpose at once (ADR 0004)
        for haak in NA_INTREKKING.get(doel, ()):
            haak(actor=actor, casus=casus)
    if doel == Toestemming.Doel.SAMENWERKWIJZE:
        if gegeven and casus.status in (Status.AANGEMELD, Status.TRIAGE, Status.TOESTEMMING):
            _zet_status(casus, actor, Status.VRAAGVERHELDERING)
        elif not gegeven and casus.status != Status.AFGESLOTEN:
            reden = REDEN_ANDERE_HULP if casus.status not in VEREIST_TOESTEMMING else REDEN_INGETROKKEN
            _sluit(casus, actor, reden)
    return toestemming


@transaction.atomic
def wijzig_status(*, actor: User, casus: Casus, naar: str, reden: str = "") -> Casus:
    """Move the case along its workflow; every edge is checked against workflow.TRANSITIES."""
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    if not mag_naar(casus.status, naar):
        raise ValidationError(
            {
                "status": _("Van '%(van)s' kan de casus niet naar '%(naar)s'.")
                % {"van": casus.get_status_display(), "naar": Status(naar).label}
            }
        )
    if naar in VEREIST_TOESTEMMING and not heeft_toestemming(casus):
        raise ValidationError(
            {"status": _("Eerst moet de inwoner toestemming geven om via de Samenwerkwijze geholpen te worden.")}
        )
    if naar == Status.AFGESLOTEN:
        if not reden.strip():
            raise ValidationError({"reden": _("Geef een reden om de casus af te sluiten.")})
        _sluit(casus, actor, reden.strip())
    else:
        _zet_status(casus, actor, naar, reden)
    return casus


def _zet_status(casus: Casus, actor: User, naar: str, toelichting: str = "") -> None:
    van = casus.get_status_display()
    casus.status = naar
    if naar == Status.HEROPEND:
        casus.afgesloten_op, casus.afsluitreden = None, ""
    casus.save(update_fields=["status", "afgesloten_op", "afsluitreden", "gewijzigd_op"])
    tekst = _("Status: %(van)s → %(naar)s") % {"van": van, "naar": casus.get_status_display()}
    tijdlijn(casus, actor, "status", f"{tekst}. {toelichting}".strip() if toelichting else tekst)
    log_casus(actor=actor, casus=casus, actie=Actie.UPDATE, gebeurtenis="casus.status", velden=["status"])


def _sluit(casus: Casus, actor: User, reden: str) -> None:
    casus.afsluitreden, casus.afgesloten_op = reden[:200], timezone.localdate()
    _zet_status(casus, actor, Status.AFGESLOTEN, _("Reden: %(reden)s") % {"reden": reden})


@transaction.atomic
def voeg_netwerklid_toe(
    *, actor: User, casus: Casus, naam: str, relatie: str, rol: str, telefoon: str = "", email: str = ""
) -> Netwerklid:
    lid = Netwerklid.objects.create(casus=casus, naam=naam, relatie=relatie, rol=rol, telefoon=telefoon, email=email)
    tijdlijn(casus, actor, "netwerk", _("Netwerklid toegevoegd (%(relatie)s)") % {"relatie": relatie})
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="netwerklid.toegevoegd",
        segment="netwerk",
        object_type="netwerklid",
        object_id=lid.pk,
        velden=["naam", "relatie", "rol", "telefoon", "email"],
    )
    return lid


@transaction.atomic
def voeg_professional_toe(
    *, actor: User, casus: Casus, user: User, organisatie: Organisatie, rol: str = Betrokkene.Rol.DEELNEMER
) -> Betrokkene:
    """Add a professional from any organisation of this municipality to the case."""
    if organisatie.gemeente_id != casus.gemeente_id:
        raise ValidationError({"organisatie": _("Deze organisatie hoort bij een andere gemeente.")})
    if not user.actieve_rollen(casus.gemeente).filter(organisatie=organisatie).exists():
        raise ValidationError({"user": _("Deze persoon werkt niet voor die organisatie in deze gemeente.")})
    if casus.betrokkenen.actief().filter(user=user).exists():
        raise ValidationError({"user": _("Deze persoon is al betrokken bij de casus.")})
    if rol == Betrokkene.Rol.CASUSREGISSEUR and casus.betrokkenen.actief().filter(rol=rol).exists():
        raise ValidationError({"rol": _("Deze casus heeft al een casusregisseur.")})
    betrokkene = Betrokkene.objects.create(casus=casus, user=user, organisatie=organisatie, rol=rol)
    tijdlijn(
        casus,
        actor,
        "betrokkene",
        _("%(naam)s doet mee als %(rol)s") % {"naam": user, "rol": betrokkene.get_rol_display().lower()},
    )
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="betrokkene.toegevoegd",
        object_type="betrokkene",
        object_id=betrokkene.pk,
    )
    return betrokkene


@transaction.atomic
def wijs_casusregisseur_aan(*, actor: User, casus: Casus, betrokkene: Betrokkene) -> Betrokkene:
    """Hand case direction to another professional on the case; the previous one stays a participant."""
    if betrokkene.casus_id != casus.pk or betrokkene.tot is not None:
        raise ValidationError({"betrokkene": _("Kies iemand die nu bij de casus betrokken is.")})
    casus.betrokkenen.actief().filter(rol=Betrokkene.Rol.CASUSREGISSEUR).update(rol=Betrokkene.Rol.DEELNEMER)
    betrokkene.rol = Betrokkene.Rol.CASUSREGISSEUR
    betrokkene.save(update_fields=["rol"])
    tijdlijn(casus, actor, "casusregie", _("%(naam)s is casusregisseur") % {"naam": betrokkene.user})
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="casusregisseur.aangewezen",
        object_type="betrokkene",
        object_id=betrokkene.pk,
        velden=["rol"],
    )
    return betrokkene


def niet_te_openen() -> str:
    """The one answer of the break-the-glass form for a case that does not exist, lies in
    another municipality or area, or is out of reach of the person's role: which case numbers
    exist is not revealed (issue 17)."""
    return _("Die casus kunt u niet openen.")


@transaction.atomic
def breek_het_glas(*, actor: User, casus: Casus, reden: str, uren: int = 4) -> Noodtoegang:
    """Emergency access for a few hours, with a typed reason (issue 7): read-only
    (`rules.mag_vastleggen`), where `rules.noodtoegang_mogelijk` allows it, and never for
    someone already on the case — their role decides what they see (issue 17). The
    casusregisseur sees it on the timeline."""
    from .rules import noodtoegang_mogelijk

    if len(reden.strip()) < 10:
        raise ValidationError({"reden": _("Schrijf waarom u deze casus nu moet inzien (minstens 10 tekens).")})
    rol = casus.betrokkenen.actief().filter(user=actor).values_list("rol", flat=True).first()
    if rol is not None:
        raise ValidationError(
            {
                "casus": _(
                    "U bent al bij deze casus betrokken als %(rol)s. Uw rol bepaalt wat u ziet; "
                    "noodtoegang verandert dat niet. Open de casus via Mijn casussen."
                )
                % {"rol": str(Betrokkene.Rol(rol).label).lower()}
            }
        )
    if not Casus.objects.filter(noodtoegang_mogelijk(actor), pk=casus.pk).exists():
        raise ValidationError({"casus": niet_te_openen()})
    toegang = Noodtoegang.objects.create(casus=casus, user=actor, reden=reden.strip(), tot=timezone.now() + timedelta(hours=uren))
    tijdlijn(
        casus, actor, "noodtoegang", _("Noodtoegang: %(naam)s, reden: %(reden)s") % {"naam": actor, "reden": reden.strip()[:200]}
    )
    casus.mijn_noodtoegang = toegang.reden  # type: ignore[attr-defined]
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="noodtoegang.gevraagd",
        object_type="noodtoegang",
        object_id=toegang.pk,
    )
    return toegang
