"""De Tafel Samen aan Zet (domain.md §5): the table of professionals per municipality (or
area), its members over time, its biweekly meetings, the registrations it triages and the
timed agenda of each meeting.

Every row carries its gemeente through its tafel. The table's rhythm and the case windows
(kennismaking → MDO+, MDO+ → follow-up, casus check, procesevaluatie) are the existing
`gemeenten.Normen` fields; what only the agenda needs (reserved minutes, cases per meeting)
lives in `TafelInstellingen`, one row per municipality.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie
from samenwerk.plannen.models import Leefgebied  # the plan's life domains: one list (issue 23)


class TafelInstellingenManager(models.Manager["TafelInstellingen"]):
    def voor(self, gemeente: Gemeente | int) -> TafelInstellingen:
        """The municipality's settings; made with the defaults the first time."""
        gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
        instellingen, _nieuw = self.get_or_create(gemeente_id=gemeente_id)
        return instellingen


def _minstens(n: int) -> list[MinValueValidator]:
    return [MinValueValidator(n, _("Vul een getal van minstens %(limit_value)s in."))]


class TafelInstellingen(models.Model):
    """The agenda's numbers for one municipality (domain.md §5, §10). An unsaved instance
    holds the defaults, so the agenda function is tested without a database."""

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="tafelinstellingen", verbose_name=_("gemeente")
    )
    gereserveerde_minuten = models.PositiveSmallIntegerField(
        _("gereserveerde tijd per bijeenkomst (minuten)"), default=120, validators=_minstens(30)
    )
    max_nieuwe_casussen = models.PositiveSmallIntegerField(
        _("hoogstens zoveel nieuwe aanmeldingen per bijeenkomst"), default=3, validators=_minstens(1)
    )
    marge_dagen = models.PositiveSmallIntegerField(
        _("'ongeveer' betekent: zoveel dagen eerder of later"),
        default=7,
        validators=[MaxValueValidator(31)],
        help_text=_("Een casuscheck na ongeveer zes weken mag zoveel dagen eerder of later aan tafel komen."),
    )

    objects = TafelInstellingenManager()

    class Meta:
        verbose_name = _("instellingen van de Tafel")
        verbose_name_plural = _("instellingen van de Tafel")

    def __str__(self) -> str:
        return str(_("Instellingen van de Tafel"))


class TafelQuerySet(models.QuerySet["Tafel"]):
    def voor_deelnemer(self, user: object, op: datetime.date | None = None) -> TafelQuerySet:
        """Tables this person sits at now (member, chair or secretary), in municipalities
        where they hold a role."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:  # type: ignore[attr-defined]
            return self.none()
        dag = op or timezone.localdate()
        leden = Tafellid.objects.actief(dag).filter(user=user).values("tafel_id")
        return self.filter(
            Q(voorzitter=user) | Q(secretaris=user) | Q(pk__in=leden),
            gemeente__in=user.gemeenten(),  # type: ignore[attr-defined]
        )


class Tafel(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="tafels", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="tafels", verbose_name=_("gebied")
    )
    naam = models.CharField(_("naam"), max_length=150)
    locatie = models.CharField(
        _("locatie"), max_length=200, help_text=_("Een neutrale plek zonder stigma, bijvoorbeeld een buurthuis.")
    )
    voorzitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("onafhankelijk voorzitter")
    )
    secretaris = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("secretaris")
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = TafelQuerySet.as_manager()

    class Meta:
        verbose_name = _("Tafel")
        verbose_name_plural = _("Tafels")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="tafel_naam_uniek_per_gemeente")]

    def __str__(self) -> str:
        return self.naam


class TafellidQuerySet(models.QuerySet["Tafellid"]):
    def actief(self, op: datetime.date | None = None) -> TafellidQuerySet:
        dag = op or timezone.localdate()
        return self.filter(Q(vanaf__lte=dag), Q(tot__isnull=True) | Q(tot__gte=dag))


class Tafellid(models.Model):
    """A professional at the table for a member organisation, from one date until another.
    Leaving sets `tot`; the row stays (the history of who sat at the table)."""

    tafel = models.ForeignKey(Tafel, on_delete=models.CASCADE, related_name="leden", verbose_name=_("Tafel"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("professional"))
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie"))
    expertise = models.CharField(_("expertise"), max_length=300)
    leefgebieden = models.JSONField(_("leefgebieden van de expertise"), default=list, blank=True)
    vanaf = models.DateField(_("lid vanaf"), default=timezone.localdate)
    tot = models.DateField(_("lid tot en met"), null=True, blank=True)

    objects = TafellidQuerySet.as_manager()

    class Meta:
        verbose_name = _("lid van de Tafel")
        verbose_name_plural = _("leden van de Tafel")
        ordering = ["organisatie__naam", "vanaf", "id"]
        indexes = [models.Index(fields=["user", "tafel"], name="tafellid_user_tafel")]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisatie})"


class Bijeenkomst(models.Model):
    """One meeting of the table: two hours reserved at the table's location. `versie` guards
    the agenda against two editors (optimistic locking)."""

    tafel = models.ForeignKey(Tafel, on_delete=models.CASCADE, related_name="bijeenkomsten", verbose_name=_("Tafel"))
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    begint = models.DateTimeField(_("begint"))
    eindigt = models.DateTimeField(_("eindigt"))
    locatie = models.CharField(_("locatie"), max_length=200)
    buiten_schema_reden = models.CharField(_("waarom buiten het schema"), max_length=300, blank=True)
    agenda_versie = models.PositiveIntegerField(default=0)
    agenda_opgesteld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bijeenkomst van de Tafel")
        verbose_name_plural = _("bijeenkomsten van de Tafel")
        ordering = ["begint"]
        indexes = [models.Index(fields=["tafel", "begint"], name="bijeenkomst_tafel_begint")]

    def __str__(self) -> str:
        return f"{self.tafel} {timezone.localtime(self.begint):%d-%m-%Y %H:%M}"

    @property
    def minuten(self) -> int:
        return int((self.eindigt - self.begint).total_seconds() // 60)


class Triage(models.TextChoices):
    GESCHIKT = "geschikt", _("Geschikt voor de Tafel")
    NIET_GESCHIKT = "niet_geschikt", _("Niet geschikt")
    ANDERE_ROUTE = "andere_route", _("Andere route")


class AanmeldingQuerySet(models.QuerySet["Aanmelding"]):
    def for_user(self, user: object) -> AanmeldingQuerySet:
        """Registrations of tables this person sits at, and of cases they take part in."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:  # type: ignore[attr-defined]
            return self.none()
        tafels = Tafel.objects.voor_deelnemer(user).values("pk")
        # The case's own professionals; not the procesregisseur, who does not see the resident's details.
        rollen = [Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER]
        casussen = Betrokkene.objects.actief().filter(user=user, rol__in=rollen).values("casus_id")
        return self.filter(Q(tafel__in=tafels) | Q(casus__in=casussen), gemeente__in=user.gemeenten())  # type: ignore[attr-defined]


class Aanmelding(models.Model):
    """A case registered in advance for the table, with the resident's knowledge (domain.md §5
    step 1). The table sees this, not the case file."""

    class Wijze(models.TextChoices):
        GESPREK = "gesprek", _("In een gesprek")
        TELEFOON = "telefoon", _("Telefonisch")
        BRIEF = "brief", _("Per brief of e-mail")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    tafel = models.ForeignKey(Tafel, on_delete=models.PROTECT, related_name="aanmeldingen", verbose_name=_("Tafel"))
    casus = models.ForeignKey(Casus, on_delete=models.PROTECT, related_name="tafelaanmeldingen", verbose_name=_("casus"))
    aangemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangemeld door")
    )
    namens = models.CharField(
        _("namens"), max_length=200, blank=True, help_text=_("Bijvoorbeeld politie, woningcorporatie of huisarts")
    )
    aangemeld_op = models.DateField(_("aangemeld op"), default=timezone.localdate)
    inwoner_weet_hoe = models.CharField(_("hoe weet de inwoner het?"), max_length=20, choices=Wijze.choices)
    inwoner_weet_op = models.DateField(_("wanneer is de inwoner het verteld?"))
    leefgebieden = models.JSONField(_("leefgebieden"), default=list)
    geprobeerd = models.TextField(_("wat is al geprobeerd?"))
    waarom_vast = models.TextField(_("waarom lopen de professionals vast?"))
    vraag = models.TextField(_("vraag aan de Tafel"))
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.SET_NULL, null=True, blank=True, related_name="aanmeldingen", verbose_name=_("bijeenkomst")
    )
    triage = models.CharField(_("besluit van de Tafel"), max_length=20, choices=Triage.choices, blank=True)
    triage_reden = models.TextField(_("waarom"), blank=True)

    objects = AanmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding bij de Tafel")
        verbose_name_plural = _("aanmeldingen bij de Tafel")
        ordering = ["aangemeld_op", "id"]
        indexes = [models.Index(fields=["tafel", "aangemeld_op"], name="aanmelding_tafel_datum")]

    def __str__(self) -> str:
        return _("Aanmelding %(nummer)s") % {"nummer": self.pk}

    def leefgebied_labels(self) -> list[str]:
        return [str(Leefgebied(c).label) for c in self.leefgebieden if c in Leefgebied.values]


class Blok(models.TextChoices):
    CHECKIN = "checkin", _("Check-in")
    INBRENG = "inbreng", _("Inbreng")
    VRAGEN = "vragen", _("Vragen")
    TIPS = "tips", _("Tips (zonder reactie)")
    AFSPRAKEN = "afspraken", _("Afspraken")
    CASUSCHECK = "casuscheck", _("Casuscheck")
    PROCESEVALUATIE = "procesevaluatie", _("Procesevaluatie")
    CHECKOUT = "checkout", _("Check-out")


class Agendablok(models.Model):
    """One time box of a meeting's agenda, in its order; about one registration or none."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="blokken")
    volgorde = models.PositiveSmallIntegerField()
    soort = models.CharField(_("onderdeel"), max_length=20, choices=Blok.choices)
    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, null=True, blank=True, related_name="blokken")
    minuten = models.PositiveSmallIntegerField(_("minuten"), validators=[MinValueValidator(1), MaxValueValidator(120)])

    class Meta:
        verbose_name = _("agendablok")
        verbose_name_plural = _("agendablokken")
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.minuten})"


class Blokverloop(models.Model):
    """The clock of one agenda block at the meeting: when it really started and stopped, and
    the notes taken in it. Times of a meeting's blocks never overlap (services)."""

    blok = models.OneToOneField(Agendablok, on_delete=models.CASCADE, related_name="verloop")
    gestart_op = models.DateTimeField(_("gestart om"), null=True, blank=True)
    gestopt_op = models.DateTimeField(_("gestopt om"), null=True, blank=True)
    notities = models.TextField(_("aantekeningen"), blank=True)

    class Meta:
        verbose_name = _("verloop van een agendablok")
        verbose_name_plural = _("verloop van agendablokken")

    def __str__(self) -> str:
        return str(self.blok)


class Tip(models.Model):
    """A process tip for a registration, given without reaction (domain.md §5)."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="tips")
    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="tips")
    van = models.ForeignKey(Tafellid, on_delete=models.PROTECT, related_name="+", verbose_name=_("tip van"))
    tekst = models.TextField(_("tip"), max_length=1000)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["vastgelegd_op", "id"]

    def __str__(self) -> str:
        return self.tekst[:50]


class Besluit(models.Model):
    """A decision the table carries ("gedragen", Deep Democracy): everyone can live with it,
    or knows their objection was heard. The objections are its `bezwaren`."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="besluiten")
    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, null=True, blank=True, related_name="besluiten")
    tekst = models.TextField(_("besluit"), max_length=2000)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gedragen besluit")
        verbose_name_plural = _("gedragen besluiten")
        ordering = ["vastgelegd_op", "id"]

    def __str__(self) -> str:
        return self.tekst[:50]


class Bezwaar(models.Model):
    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="bezwaren")
    door = models.ForeignKey(Tafellid, on_delete=models.PROTECT, related_name="+", verbose_name=_("bezwaar van"))
    tekst = models.TextField(_("bezwaar"), max_length=1000)

    class Meta:
        verbose_name = _("gehoord bezwaar")
        verbose_name_plural = _("gehoorde bezwaren")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.tekst[:50]


class Afspraken(models.Model):
    """The afspraken block of a registration: the regievoerder, the duo partner (a member of
    the table), whether the resident knows each of them, and when the case comes back."""

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.CASCADE, related_name="afspraken")
    regievoerder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("regievoerder")
    )
    duo = models.ForeignKey(Tafellid, on_delete=models.PROTECT, related_name="+", verbose_name=_("duopartner"))
    regievoerder_bekend = models.BooleanField(_("de inwoner kent de regievoerder"), default=False)
    duo_bekend = models.BooleanField(_("de inwoner kent de duopartner"), default=False)
    terug_op = models.DateField(_("de casus komt terug op"))
    vastgelegd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("afspraken aan tafel")
        verbose_name_plural = _("afspraken aan tafel")

    def __str__(self) -> str:
        return str(self.aanmelding)


class Reflectie(models.Model):
    """A member's personal reflection at check-out (the first of the three evaluations)."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="reflecties")
    lid = models.ForeignKey(Tafellid, on_delete=models.PROTECT, related_name="+", verbose_name=_("lid"))
    tekst = models.TextField(_("reflectie"), max_length=1000)

    class Meta:
        verbose_name = _("persoonlijke reflectie")
        verbose_name_plural = _("persoonlijke reflecties")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["bijeenkomst", "lid"], name="een_reflectie_per_lid_per_bijeenkomst")]

    def __str__(self) -> str:
        return self.tekst[:50]


class Casuscheck(models.Model):
    """The casus check at the table ~6 weeks after registration: is everyone involved
    according to the plan? Yes or no per party, with notes (domain.md §5)."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="casuschecks")
    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="casuschecks")
    notities = models.TextField(_("aantekeningen"), blank=True)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("casuscheck")
        verbose_name_plural = _("casuschecks")
        ordering = ["vastgelegd_op", "id"]

    def __str__(self) -> str:
        return str(self.aanmelding)


class CasuscheckPartij(models.Model):
    casuscheck = models.ForeignKey(Casuscheck, on_delete=models.CASCADE, related_name="partijen")
    partij = models.CharField(_("partij"), max_length=200)
    volgens_plan = models.BooleanField(_("betrokken volgens plan"))
    notities = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("partij in de casuscheck")
        verbose_name_plural = _("partijen in de casuscheck")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.partij


class Procesevaluatie(models.Model):
    """The procesevaluatie ~6 months after registration: how the parties cooperated, what
    was instructive in the content, and — always — the resident's own perspective."""

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.CASCADE, related_name="procesevaluatie")
    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="procesevaluaties")
    samenwerking = models.TextField(_("hoe werkten de partijen samen?"))
    leerzaam = models.TextField(_("wat was inhoudelijk leerzaam?"))
    perspectief_inwoner = models.TextField(_("het perspectief van de inwoner"))
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("procesevaluatie")
        verbose_name_plural = _("procesevaluaties")

    def __str__(self) -> str:
        return str(self.aanmelding)


# --- budget ---


class BudgetpotQuerySet(models.QuerySet["Budgetpot"]):
    def overlapt(self, van: datetime.date, tot: datetime.date) -> BudgetpotQuerySet:
        return self.filter(van__lte=tot, tot__gte=van)


class Budgetpot(models.Model):
    """The table's flexible budget for a period (domain.md §5: e.g. € 5,000 for two years).
    What is spent from it are its `bestedingen`; the balance is computed, never stored."""

    tafel = models.ForeignKey(Tafel, on_delete=models.CASCADE, related_name="budgetpotten", verbose_name=_("Tafel"))
    naam = models.CharField(_("naam"), max_length=150)
    bedrag = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0, _("Vul een positief bedrag in."))]
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = BudgetpotQuerySet.as_manager()

    class Meta:
        verbose_name = _("flexibel budget")
        verbose_name_plural = _("flexibele budgetten")
        ordering = ["-van", "id"]
        indexes = [models.Index(fields=["tafel", "van", "tot"], name="budgetpot_tafel_periode")]
        constraints = [models.CheckConstraint(condition=Q(tot__gte=F("van")), name="budgetpot_tot_na_van")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.van:%d-%m-%Y} – {self.tot:%d-%m-%Y})"


class Besteding(models.Model):
    """Money from the pot for one case, decided in an MDO+ of that case: amount, purpose and
    the decision. A spend that takes the pot over its amount carries the reason why."""

    pot = models.ForeignKey(Budgetpot, on_delete=models.PROTECT, related_name="bestedingen", verbose_name=_("budget"))
    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.PROTECT, related_name="bestedingen", verbose_name=_("casus"))
    overleg = models.ForeignKey(
        "overleg.Overleg", on_delete=models.PROTECT, related_name="+", verbose_name=_("besloten in het MDO+ van")
    )
    bedrag = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    doel = models.CharField(_("waarvoor"), max_length=300)
    besluit = models.TextField(_("besluit"), max_length=2000)
    besloten_op = models.DateField(_("besloten op"))
    overschrijding_reden = models.TextField(_("waarom meer dan het budget"), blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("besteding")
        verbose_name_plural = _("bestedingen")
        ordering = ["-besloten_op", "-id"]
        indexes = [models.Index(fields=["pot", "besloten_op"], name="besteding_pot_datum")]

    def __str__(self) -> str:
        return f"{self.bedrag} – {self.doel[:40]}"


# --- werkwijze ---
# The Werkwijze Samen aan Zet, steps 3-6 (domain.md §5): the kennismaking with its centrale
# vraag, the voorbereiding of the MDO+ with the ecogram. The MDO+ and the voortgangsgesprek
# themselves are meetings of the meeting app (`overleg.Overleg`, vorm MDO+ / soort
# voortgangsgesprek) of the registration's case; they are found there, not copied here.


class Kennismaking(models.Model):
    """Step 3: the duo meets the resident, ideally with someone the resident trusts; together
    they put one open centrale vraag into words. The resident always gets a copy."""

    class Plaats(models.TextChoices):
        THUIS = "thuis", _("Bij de inwoner thuis")
        BUURTHUIS = "buurthuis", _("In een buurthuis")
        ANDERS = "anders", _("Ergens anders")

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.CASCADE, related_name="kennismaking")
    datum = models.DateField(_("datum van de kennismaking"))
    plaats = models.CharField(_("waar"), max_length=20, choices=Plaats.choices, default=Plaats.THUIS)
    aanwezig = models.TextField(_("wie waren erbij?"), max_length=1000)
    vertrouwd_netwerklid = models.CharField(_("iemand uit het netwerk die de inwoner vertrouwt"), max_length=150, blank=True)
    centrale_vraag = models.CharField(_("de centrale vraag"), max_length=300)
    wie_kan_helpen = models.TextField(_("wie uit het netwerk zou kunnen helpen?"), max_length=1000, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(auto_now=True)
    versie = models.PositiveIntegerField(default=0)  # optimistic locking

    class Meta:
        verbose_name = _("kennismaking")
        verbose_name_plural = _("kennismakingen")
        indexes = [models.Index(fields=["datum"], name="kennismaking_datum")]

    def __str__(self) -> str:
        return self.centrale_vraag


class Ecogram(models.Model):
    """Step 4: the resident's network on one page. `versie` guards it against two editors:
    every change carries the version the editor loaded (a stale one is a conflict)."""

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.CASCADE, related_name="ecogram")
    versie = models.PositiveIntegerField(default=0)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ecogram")
        verbose_name_plural = _("ecogrammen")

    def __str__(self) -> str:
        return str(self.aanmelding)


class Ecogrampersoon(models.Model):
    class Kring(models.TextChoices):
        FAMILIE = "familie", _("Familie")
        VRIENDEN = "vrienden", _("Vrienden")
        BUURT = "buurt", _("Buurt")
        WERK = "werk", _("Werk, school of vereniging")
        PROFESSIONAL = "professional", _("Professional")

    class Nabijheid(models.IntegerChoices):
        HEEL_DICHTBIJ = 1, _("Heel dichtbij")
        DICHTBIJ = 2, _("Dichtbij")
        VERDER = 3, _("Verder weg")

    class Steun(models.TextChoices):
        STEUNEND = "steunend", _("Steunend")
        WISSELEND = "wisselend", _("Soms steunend")
        NIET = "niet", _("Niet steunend")

    ecogram = models.ForeignKey(Ecogram, on_delete=models.CASCADE, related_name="personen")
    naam = models.CharField(_("naam"), max_length=150)
    relatie = models.CharField(_("relatie tot de inwoner"), max_length=100, help_text=_("Bijvoorbeeld: zus, buurman, huisarts"))
    kring = models.CharField(_("kring"), max_length=20, choices=Kring.choices)
    nabijheid = models.PositiveSmallIntegerField(_("hoe dichtbij"), choices=Nabijheid.choices)
    steun = models.CharField(_("steunend?"), max_length=20, choices=Steun.choices)

    class Meta:
        verbose_name = _("persoon in het ecogram")
        verbose_name_plural = _("personen in het ecogram")
        ordering = ["nabijheid", "naam", "id"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.relatie})"


class Voorbereiding(models.Model):
    """Step 4 besides the ecogram: who informs whom, and the professionals involved and
    invited. The safety checklist and the legal frameworks are the MDO+ meeting's own
    checklist (overleg.inhoud.VEILIGHEID), answered on the meeting's preparation page."""

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.CASCADE, related_name="voorbereiding")
    inwoner_informeert = models.TextField(_("wie uit het netwerk informeert de inwoner zelf?"), max_length=1000, blank=True)
    duo_legt_uit = models.TextField(_("aan wie legt het duo het MDO+ uit?"), max_length=1000, blank=True)
    versie = models.PositiveIntegerField(default=0)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voorbereiding van het MDO+")
        verbose_name_plural = _("voorbereidingen van het MDO+")

    def __str__(self) -> str:
        return str(self.aanmelding)


class MdoProfessional(models.Model):
    """A professional involved in the case, and whether they are invited to the MDO+, with
    their role (domain.md §5 step 4)."""

    voorbereiding = models.ForeignKey(Voorbereiding, on_delete=models.CASCADE, related_name="professionals")
    naam = models.CharField(_("naam"), max_length=150)
    organisatie = models.CharField(_("organisatie"), max_length=150)
    rol = models.CharField(_("rol"), max_length=200, help_text=_("Wat doet deze professional voor de inwoner?"))
    uitgenodigd = models.BooleanField(_("uitgenodigd voor het MDO+"), default=False)

    class Meta:
        verbose_name = _("professional bij het MDO+")
        verbose_name_plural = _("professionals bij het MDO+")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"
