"""The resident, the case, the people involved and the resident's consent.

Every row carries its gemeente (the tenant key). Visibility lives in `CasusQuerySet.for_user`.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie

from .workflow import OPEN, Status


class Inwoner(models.Model):
    """The resident whose plan it is. All fields are personal data (no BSN is ever stored)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"


class Binnenkomst(models.TextChoices):
    """How the question came in (domain.md §3 step 1)."""

    INWONER = "inwoner", _("De inwoner zelf")
    NETWERK = "netwerk", _("Familie, buren of vrienden")
    HUISARTS = "huisarts", _("Huisarts of praktijkondersteuner")
    POLITIE = "politie", _("Politie of wijkagent")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    PROFESSIONAL = "professional", _("Een andere professional")
    ANDERS = "anders", _("Anders")


class Route(models.TextChoices):
    SAMENWERKWIJZE = "samenwerkwijze", _("Samenwerkwijze")
    TAFEL = "tafel", _("De Tafel Samen aan Zet")


def zichtbaar_voor(user: object, *, casus: str) -> Q:
    """The visibility rule of cases, for the cases themselves (`casus="pk"`) and for rows that
    carry their case and its municipality (`casus="casus"`, e.g. signals): the person takes
    part in the case now or has emergency access to it, in a municipality where they hold a
    role. The case ids are one list (a UNION), not "EXISTS … OR EXISTS …", so the database
    knows how few they are and joins them by index (bench/: "Mijn casussen" 17 → 5 ms for
    648 cases)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:  # type: ignore[attr-defined]
        return Q(pk__in=[])  # matches nothing, without a query
    betrokken = Betrokkene.objects.actief().filter(user=user).order_by().values("casus_id")
    nood = Noodtoegang.objects.actief().filter(user=user).order_by().values("casus_id")
    return Q(**{f"{casus}__in": betrokken.union(nood)}, gemeente__in=user.gemeenten())  # type: ignore[attr-defined]


class Casusnummer(NamedTuple):
    """The number users see, "2026-00017": the year of registration and the id."""

    jaar: int
    pk: int

    @classmethod
    def lees(cls, tekst: str) -> Casusnummer | None:
        """ "2026-00017" or "2026-17" (spaces allowed); None when it is not a case number."""
        gevonden = re.fullmatch(r"\s*(\d{4})\s*-\s*0*(\d{1,12})\s*", tekst or "")
        if not gevonden or int(gevonden[2]) == 0:
            return None
        return cls(int(gevonden[1]), int(gevonden[2]))


class CasusQuerySet(models.QuerySet["Casus"]):
    def met_nummer(self, nummer: Casusnummer) -> CasusQuerySet:
        """The case with this number: the id and the year of registration must both match."""
        return self.filter(pk=nummer.pk, aanmelddatum__year=nummer.jaar)

    def for_user(self, user: object) -> CasusQuerySet:
        """Cases this person takes part in now, in municipalities where they hold a role.
        Managers and executives see figures elsewhere, never cases (domain.md §8)."""
        return self.filter(zichtbaar_voor(user, casus="pk"))

    def open(self) -> CasusQuerySet:
        return self.filter(status__in=OPEN)


class Casus(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("gebied"))
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("inwoner"))
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, default=Route.SAMENWERKWIJZE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD)
    # Step 1: how and through whom the case came in, and who is involved already.
    binnengekomen_via = models.CharField(_("binnengekomen via"), max_length=20, choices=Binnenkomst.choices)
    aangemeld_door = models.CharField(_("aangemeld door"), max_length=200, blank=True, help_text=_("Naam en organisatie"))
    aanmelddatum = models.DateField(_("aanmelddatum"), default=timezone.localdate)
    reeds_betrokken = models.TextField(_("wie is al betrokken?"), blank=True)
    aanleiding = models.TextField(_("aanleiding"), blank=True)
    afsluitreden = models.CharField(_("reden van afsluiten"), max_length=200, blank=True)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = CasusQuerySet.as_manager()

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-aanmelddatum", "-id"]
        indexes = [
            models.Index(fields=["gemeente", "status"], name="casus_gemeente_status"),
            models.Index(fields=["gemeente", "gebied", "status"], name="casus_gemeente_gebied_status"),
        ]

    def __str__(self) -> str:
        return _("Casus %(nummer)s") % {"nummer": self.nummer}

    @property
    def nummer(self) -> str:
        return f"{self.aanmelddatum:%Y}-{self.pk:05d}" if self.pk else "nieuw"


class BetrokkeneQuerySet(models.QuerySet["Betrokkene"]):
    def actief(self) -> BetrokkeneQuerySet:
        return self.filter(tot__isnull=True)


class Betrokkene(models.Model):
    """A professional who takes part in a case, in a case role (domain.md §1)."""

    class Rol(models.TextChoices):
        CASUSREGISSEUR = "casusregisseur", _("Casusregisseur")
        DEELNEMER = "deelnemer", _("Deelnemer")
        PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="betrokkenen", verbose_name=_("casus"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="betrokkenheden", verbose_name=_("professional")
    )
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie"))
    rol = models.CharField(_("rol in de casus"), max_length=20, choices=Rol.choices, default=Rol.DEELNEMER)
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    tot = models.DateField(_("tot"), null=True, blank=True)

    objects = BetrokkeneQuerySet.as_manager()

    class Meta:
        verbose_name = _("betrokken professional")
        verbose_name_plural = _("betrokken professionals")
        ordering = ["rol", "sinds"]
        # Someone's current cases (for_user, signals, "Mijn casussen") from the index alone.
        indexes = [models.Index(fields=["user", "casus"], condition=Q(tot__isnull=True), name="betrokkene_actief_user_casus")]
        constraints = [
            models.UniqueConstraint(
                fields=["casus"], condition=Q(rol="casusregisseur", tot__isnull=True), name="een_casusregisseur_per_casus"
            ),
            models.UniqueConstraint(fields=["casus", "user"], condition=Q(tot__isnull=True), name="een_actieve_rol_per_persoon"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_rol_display()}, {self.organisatie})"


class Netwerklid(models.Model):
    """Someone from the resident's own circle (domain.md §1)."""

    class Rol(models.TextChoices):
        FAMILIE = "familie", _("Familie")
        VRIEND = "vriend", _("Vriend of vriendin")
        BUUR = "buur", _("Buurtgenoot")
        VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
        ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("Ervaringsdeskundige")
        ANDERS = "anders", _("Anders")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="netwerk", verbose_name=_("casus"))
    naam = models.CharField(_("naam"), max_length=150)
    relatie = models.CharField(_("relatie tot de inwoner"), max_length=100, help_text=_("Bijvoorbeeld: dochter, buurman"))
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("netwerklid")
        verbose_name_plural = _("netwerk")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.relatie})"


class Toestemming(models.Model):
    """One recorded consent decision for one purpose (domain.md §8). Never edited: a change
    of mind is a new row, so the history of what was agreed stays visible."""

    class Doel(models.TextChoices):
        SAMENWERKWIJZE = "samenwerkwijze", _("Wil via de Samenwerkwijze geholpen worden")
        PLAN_DELEN = "plan_delen", _("Het plan delen met een deelnemer")
        LEERTAFEL = "leertafel", _("De casus (zonder naam) bespreken aan een leertafel")
        ZET = "zet", _("Meedoen aan een ZET-evaluatie")
        TERUGKOPPELING = "terugkoppeling", _("Terugkoppeling achteraf")

    class Wijze(models.TextChoices):
        MONDELING = "mondeling", _("Mondeling")
        SCHRIFTELIJK = "schriftelijk", _("Schriftelijk")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="toestemmingen", verbose_name=_("casus"))
    doel = models.CharField(_("waarvoor"), max_length=20, choices=Doel.choices)
    geldt_voor = models.CharField(_("geldt voor"), max_length=200, blank=True, help_text=_("Naam van de persoon of organisatie"))
    gegeven = models.BooleanField(_("toestemming gegeven"))
    datum = models.DateField(_("datum"), default=timezone.localdate)
    wijze = models.CharField(_("hoe"), max_length=20, choices=Wijze.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-vastgelegd_op", "-id"]
        indexes = [models.Index(fields=["casus", "doel", "-vastgelegd_op"], name="toestemming_casus_doel")]

    def __str__(self) -> str:
        return f"{self.get_doel_display()}: {'ja' if self.gegeven else 'nee'} ({self.datum})"


class Gebeurtenis(models.Model):
    """One line of the case timeline (the dossier view ZET relies on)."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="tijdlijn", verbose_name=_("casus"))
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=40)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    door = models.CharField(_("door"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("tijdlijn")
        ordering = ["tijdstip", "id"]
        indexes = [models.Index(fields=["casus", "tijdstip"], name="gebeurtenis_casus_tijd")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y} {self.omschrijving}"


def huidige_toestemming(casus: Casus, doel: str, geldt_voor: str = "") -> Toestemming | None:
    return casus.toestemmingen.filter(doel=doel, geldt_voor=geldt_voor).order_by("-vastgelegd_op", "-id").first()


def leeftijd(geboortedatum: datetime.date | None, op: datetime.date | None = None) -> int | None:
    if geboortedatum is None:
        return None
    dag = op or timezone.localdate()
    return dag.year - geboortedatum.year - ((dag.month, dag.day) < (geboortedatum.month, geboortedatum.day))


class NoodtoegangQuerySet(models.QuerySet["Noodtoegang"]):
    def actief(self) -> NoodtoegangQuerySet:
        return self.filter(tot__gt=timezone.now())


class Noodtoegang(models.Model):
    """ "Break the glass": someone whose role normally gives no view of this case reads it
    for a few hours, with a typed reason. Every read is logged as emergency access, and the
    case's timeline shows it so the casusregisseur knows (issue 7)."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="noodtoegangen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reden = models.TextField(_("reden"))
    van = models.DateTimeField(default=timezone.now)
    tot = models.DateTimeField()

    objects = NoodtoegangQuerySet.as_manager()

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        indexes = [models.Index(fields=["user", "tot"], name="noodtoegang_user_tot")]

    def __str__(self) -> str:
        return f"{self.casus_id} {self.van:%d-%m-%Y %H:%M}"


# The resident's details a correction request can change directly; other data (the plan,
# agreements) is corrected by the casusregisseur on its own page.
CORRIGEERBAAR = ["voornaam", "achternaam", "geboortedatum", "straat", "postcode", "woonplaats", "telefoon", "email"]


class Correctieverzoek(models.Model):
    """An AVG correction request (domain.md §8: residents can correct their data): what is
    wrong and what it should be, from the resident through their link or recorded by a
    professional on their behalf; the casusregisseur accepts (the change goes through the
    normal service, logged with this request's id) or refuses with a reason the resident sees."""

    class Gegeven(models.TextChoices):
        VOORNAAM = "voornaam", _("Voornaam")
        ACHTERNAAM = "achternaam", _("Achternaam")
        GEBOORTEDATUM = "geboortedatum", _("Geboortedatum")
        STRAAT = "straat", _("Straat en huisnummer")
        POSTCODE = "postcode", _("Postcode")
        WOONPLAATS = "woonplaats", _("Woonplaats")
        TELEFOON = "telefoon", _("Telefoonnummer")
        EMAIL = "email", _("E-mailadres")
        ANDERS = "anders", _("Iets anders, bijvoorbeeld in het plan")

    class Status(models.TextChoices):
        OPEN = "open", _("Nog niet behandeld")
        AANGEPAST = "aangepast", _("Aangepast")
        GEWEIGERD = "geweigerd", _("Niet aangepast")

    class Via(models.TextChoices):
        INWONER = "inwoner", _("De inwoner zelf, via de link")
        PROFESSIONAL = "professional", _("Een professional, namens de inwoner")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="correctieverzoeken", verbose_name=_("casus"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gegeven = models.CharField(_("welk gegeven"), max_length=20, choices=Gegeven.choices)
    omschrijving = models.TextField(_("wat klopt er niet?"), blank=True, max_length=1000)
    gewenst = models.TextField(_("wat moet het zijn?"), max_length=1000)
    via = models.CharField(_("ingediend door"), max_length=20, choices=Via.choices)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    reden_weigering = models.TextField(_("waarom niet aangepast"), blank=True)
    toelichting = models.TextField(_("toelichting bij de behandeling"), blank=True)
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    behandeld_op = models.DateTimeField(_("behandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("correctieverzoek")
        verbose_name_plural = _("correctieverzoeken")
        ordering = ["-ingediend_op", "-id"]
        indexes = [models.Index(fields=["casus", "status"], name="correctie_casus_status")]

    def __str__(self) -> str:
        return f"{self.get_gegeven_display()} ({self.get_status_display()})"
