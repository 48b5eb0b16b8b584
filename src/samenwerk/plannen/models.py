"""The Samenwerkplan form (domain.md §3 "The Samenwerkplan form"), versioned; agreements in
rounds; evaluations; Positieve Gezondheid."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid

WELZIJN = [
    MinValueValidator(1, _("Het welzijnscijfer is minimaal 1.")),
    MaxValueValidator(10, _("Het welzijnscijfer is maximaal 10.")),
]
SCORE = [MinValueValidator(0, _("Een score is minimaal 0.")), MaxValueValidator(10, _("Een score is maximaal 10."))]


class Leefgebied(models.TextChoices):
    """The five life domains of the plan (domain.md §3 step 2): the one list every app uses
    (the plan's notes per domain are the Samenwerkplan fields of the same codes; the Tafel's
    registrations and its members' expertise name them too)."""

    GEZONDHEID = "gezondheid", _("Lichamelijke en geestelijke gezondheid")
    DAGELIJKS_LEVEN = "dagelijks_leven", _("Dagelijks leven")
    FINANCIEN = "financien", _("Administratie en financiën")
    WONEN = "wonen", _("Wonen")
    MEEDOEN = "meedoen", _("Meedoen")


# The fields of the paper form that are versioned together (order = order on the form).
PLANVELDEN = [
    "ik_wil", "welzijnscijfer", "welzijnscijfer_toelichting", "ik_kan_zelf", "ik_kan_gevraagd",
    "nodig_kort", "nodig_lang", "gezondheid", "dagelijks_leven", "financien", "wonen", "meedoen",
    "overleg_nodig", "overleg_reden", "evaluatie_datum", "evaluatie_organisator",
]  # fmt: skip


class Samenwerkplan(models.Model):
    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="plan", verbose_name=_("casus"))
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"), default=timezone.localdate)
    # Ik wil
    ik_wil = models.TextField(_("Ik wil – hier werk ik naartoe"), blank=True)
    welzijnscijfer = models.PositiveSmallIntegerField(_("welzijnscijfer (1-10)"), null=True, blank=True, validators=WELZIJN)
    welzijnscijfer_toelichting = models.CharField(_("toelichting op het welzijnscijfer"), max_length=300, blank=True)
    # Ik kan
    ik_kan_zelf = models.TextField(_("Ik kan – dit kan ik zelf bijdragen"), blank=True)
    ik_kan_gevraagd = models.TextField(_("Ik kan – hiervoor kan ik gevraagd worden"), blank=True)
    # Ik heb nodig
    nodig_kort = models.TextField(_("Ik heb nodig – korte termijn (oplossen, behandelen)"), blank=True)
    nodig_lang = models.TextField(_("Ik heb nodig – lange termijn (ondersteuning)"), blank=True)
    # Notes per life domain (vraagverheldering)
    gezondheid = models.TextField(Leefgebied.GEZONDHEID.label, blank=True)
    dagelijks_leven = models.TextField(Leefgebied.DAGELIJKS_LEVEN.label, blank=True)
    financien = models.TextField(Leefgebied.FINANCIEN.label, blank=True)
    wonen = models.TextField(Leefgebied.WONEN.label, blank=True)
    meedoen = models.TextField(Leefgebied.MEEDOEN.label, blank=True)
    # Step 3: is a Samenwerkoverleg needed?
    overleg_nodig = models.BooleanField(_("Samenwerkoverleg nodig?"), null=True, blank=True)
    overleg_reden = models.TextField(_("waarom (niet)?"), blank=True)
    overleg_besloten_op = models.DateField(_("besloten op"), null=True, blank=True)
    # Evaluation appointment
    evaluatie_datum = models.DateField(_("evaluatie op"), null=True, blank=True)
    evaluatie_organisator = models.CharField(_("evaluatie georganiseerd door"), max_length=150, blank=True)
    # The resident's acknowledgement (the signature line)
    erkend_op = models.DateTimeField(_("door de inwoner gezien en akkoord op"), null=True, blank=True)
    erkend_versie = models.PositiveIntegerField(_("akkoord op versie"), null=True, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)

    class Meta:
        verbose_name = _("Samenwerkplan")
        verbose_name_plural = _("Samenwerkplannen")
        indexes = [models.Index(fields=["gemeente", "evaluatie_datum"], name="plan_gemeente_evaluatie")]

    def __str__(self) -> str:
        return _("Plan van %(naam)s") % {"naam": self.casus.inwoner}

    def inhoud(self) -> dict[str, object]:
        return {veld: _json(getattr(self, veld)) for veld in PLANVELDEN}


class PlanVersie(models.Model):
    """A snapshot of the plan after each change: who, when, what it said."""

    plan = models.ForeignKey(Samenwerkplan, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"))
    gewijzigde_velden = models.JSONField(_("gewijzigde velden"), default=list)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    door_naam = models.CharField(_("door"), max_length=200)
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["-nummer"]
        constraints = [models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_uniek")]

    def __str__(self) -> str:
        return f"v{self.nummer} ({self.op:%d-%m-%Y %H:%M})"


class Ronde(models.Model):
    """The first plan (nummer 0) and each evaluation round: the paper form's coloured,
    dated additions."""

    class Soort(models.TextChoices):
        PLAN = "plan", _("Eerste plan")
        EVALUATIE = "evaluatie", _("Evaluatie")
        TUSSENTIJDS = "tussentijds", _("Tussentijdse evaluatie")
        OVERLEG = "overleg", _("Samenwerkoverleg")

    plan = models.ForeignKey(Samenwerkplan, on_delete=models.CASCADE, related_name="rondes")
    nummer = models.PositiveSmallIntegerField(_("ronde"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["nummer"]
        constraints = [models.UniqueConstraint(fields=["plan", "nummer"], name="ronde_uniek")]

    def __str__(self) -> str:
        if self.nummer == 0:
            return str(_("Eerste plan (%(datum)s)") % {"datum": f"{self.datum:%d-%m-%Y}"})
        return str(
            _("%(soort)s %(nummer)s (%(datum)s)")
            % {"soort": self.get_soort_display(), "nummer": self.nummer, "datum": f"{self.datum:%d-%m-%Y}"}
        )


class Afspraak(models.Model):
    """Wie · wat · uiterlijke datum · voltooid (domain.md §3 step 5)."""

    class Wie(models.TextChoices):
        PROFESSIONAL = "professional", _("Een professional")
        NETWERKLID = "netwerklid", _("Iemand uit het netwerk")
        INWONER = "inwoner", _("De inwoner")
        DEELNEMER = "deelnemer", _("Iemand die voor een overleg is uitgenodigd")

    plan = models.ForeignKey(Samenwerkplan, on_delete=models.CASCADE, related_name="afspraken")
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    ronde = models.ForeignKey(Ronde, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("ronde"))
    wie = models.CharField(_("wie"), max_length=20, choices=Wie.choices)
    betrokkene = models.ForeignKey(
        Betrokkene, on_delete=models.PROTECT, null=True, blank=True, related_name="afspraken", verbose_name=_("professional")
    )
    netwerklid = models.ForeignKey(
        Netwerklid, on_delete=models.PROTECT, null=True, blank=True, related_name="afspraken", verbose_name=_("netwerklid")
    )
    # An invitee of one of the case's meetings (an external professional or network member
    # without an account counts too); SET_NULL so removing an invitee never fails on this.
    deelnemer = models.ForeignKey(
        "overleg.Deelnemer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraken",
        verbose_name=_("uitgenodigde"),
    )
    wat = models.TextField(_("wat"))
    start = models.DateField(_("gestart op"), default=timezone.localdate)
    uiterlijke_datum = models.DateField(_("uiterlijke datum"))
    perspectief = models.TextField(
        _("perspectief"), blank=True, help_text=_("Nodig als het langer duurt dan zes weken: wat kan de inwoner verwachten?")
    )
    voltooid_op = models.DateField(_("voltooid op"), null=True, blank=True)
    # Withdrawn, never deleted: it stays in the plan, struck through, with the reason.
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    intrekreden = models.CharField(_("reden van intrekken"), max_length=300, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)  # optimistic locking of edits

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["ronde__nummer", "uiterlijke_datum", "id"]
        indexes = [
            models.Index(fields=["gemeente", "voltooid_op", "uiterlijke_datum"], name="afspraak_open_deadline"),
            models.Index(fields=["plan", "voltooid_op"], name="afspraak_plan_open"),
        ]

    def __str__(self) -> str:
        return f"{self.uitvoerder}: {self.wat[:60]}"

    @property
    def uitvoerder(self) -> str:
        if self.wie == self.Wie.PROFESSIONAL and self.betrokkene_id:
            return str(self.betrokkene.user)
        if self.wie == self.Wie.NETWERKLID and self.netwerklid_id:
            return str(self.netwerklid.naam)
        if self.wie == self.Wie.DEELNEMER:
            return str(self.deelnemer) if self.deelnemer_id else str(_("Een uitgenodigde"))
        return str(_("De inwoner"))

    def is_te_laat(self, vandaag: datetime.date | None = None) -> bool:
        return (
            self.voltooid_op is None and self.ingetrokken_op is None and self.uiterlijke_datum < (vandaag or timezone.localdate())
        )

    @property
    def open(self) -> bool:
        return self.voltooid_op is None and self.ingetrokken_op is None


class Evaluatie(models.Model):
    """One evaluation round (domain.md §3 step 6)."""

    class Acties(models.TextChoices):
        ALLE = "alle", _("Ja, alle acties zijn gedaan")
        DEELS = "deels", _("Een deel van de acties is gedaan")
        GEEN = "geen", _("Nee, de acties zijn niet gedaan")

    ronde = models.OneToOneField(Ronde, on_delete=models.CASCADE, related_name="evaluatie")
    acties_gedaan = models.CharField(_("Zijn alle acties gedaan?"), max_length=10, choices=Acties.choices)
    verdere_acties_nodig = models.BooleanField(_("Zijn er verdere acties nodig?"))
    welzijnscijfer = models.PositiveSmallIntegerField(_("welzijnscijfer nu (1-10)"), validators=WELZIJN)
    welzijnscijfer_toelichting = models.CharField(_("toelichting op het welzijnscijfer"), max_length=300, blank=True)
    geleerd = models.TextField(_("Wat hebben we geleerd?"), blank=True)
    vorm = models.CharField(
        _("vorm"), max_length=20, choices=[("overleg", _("In een overleg")), ("email", _("Per e-mail"))], default="overleg"
    )

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return str(self.ronde)


class GezondheidMeting(models.Model):
    """Positieve Gezondheid: six dimensions scored 0-10, repeated over time."""

    DIMENSIES = [
        "lichaamsfuncties",
        "mentaal_welbevinden",
        "zingeving",
        "kwaliteit_van_leven",
        "meedoen",
        "dagelijks_functioneren",
    ]

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="gezondheidsmetingen")
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"), default=timezone.localdate)
    lichaamsfuncties = models.PositiveSmallIntegerField(_("Lichaamsfuncties"), validators=SCORE)
    mentaal_welbevinden = models.PositiveSmallIntegerField(_("Mentaal welbevinden"), validators=SCORE)
    zingeving = models.PositiveSmallIntegerField(_("Zingeving"), validators=SCORE)
    kwaliteit_van_leven = models.PositiveSmallIntegerField(_("Kwaliteit van leven"), validators=SCORE)
    meedoen = models.PositiveSmallIntegerField(_("Meedoen"), validators=SCORE)
    dagelijks_functioneren = models.PositiveSmallIntegerField(_("Dagelijks functioneren"), validators=SCORE)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("meting Positieve Gezondheid")
        verbose_name_plural = _("metingen Positieve Gezondheid")
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}"

    def scores(self) -> list[tuple[str, int]]:
        return [(str(self._meta.get_field(d).verbose_name), getattr(self, d)) for d in self.DIMENSIES]


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime.date) else value


class PlanLink(models.Model):
    """A secure, expiring link through which the resident reads their own plan. Only a
    hash of the token is stored."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="planlinks")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    # The e-mail that carries the link, in the product's one outbox (ADR 0005).
    berichten = GenericRelation(
        "berichten.Bericht",
        content_type_field="onderwerp_type",
        object_id_field="onderwerp_id",
        related_query_name="planlink",
    )

    class Meta:
        verbose_name = _("link naar het plan")
        verbose_name_plural = _("links naar het plan")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.casus_id} {self.aangemaakt_op:%d-%m-%Y}"

    @property
    def geldig(self) -> bool:
        return self.ingetrokken_op is None and self.verloopt_op > timezone.now()


class PlanReactie(models.Model):
    """A comment the resident leaves on their plan."""

    plan = models.ForeignKey(Samenwerkplan, on_delete=models.CASCADE, related_name="reacties")
    tekst = models.TextField(_("reactie"))
    versie = models.PositiveIntegerField(_("op versie"))
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reactie van de inwoner")
        verbose_name_plural = _("reacties van de inwoner")
        ordering = ["op"]

    def __str__(self) -> str:
        return f"{self.op:%d-%m-%Y}"
