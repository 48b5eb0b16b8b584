"""The Samenwerkoverleg (domain.md §3 step 4) and its MDO+ variant (§5 step 5): the meeting,
who is invited and why, their answers, the agenda with notes, the preparation checklists,
the refusals the gebiedsaanjager follows up."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid
from samenwerk.gemeenten.models import Gemeente


class OverlegQuerySet(models.QuerySet["Overleg"]):
    def for_user(self, user: object) -> OverlegQuerySet:
        """Meetings of the cases this person may open (visibility lives with the case)."""
        return self.filter(casus__in=Casus.objects.for_user(user))


class Rolkeuze(models.TextChoices):
    """Who chairs or takes notes: one of the people involved in the case (issue 16)."""

    BETROKKENE = "betrokkene", _("Betrokken professional")
    INWONER = "inwoner", _("De inwoner")
    NETWERKLID = "netwerklid", _("Netwerklid")


class Overleg(models.Model):
    class Vorm(models.TextChoices):
        SAMENWERKWIJZE = "samenwerkwijze", _("Samenwerkoverleg")
        MDO_PLUS = "mdo_plus", _("MDO+ (planbijeenkomst)")

    class Soort(models.TextChoices):
        EERSTE = "eerste", _("Eerste overleg")
        VERVOLG = "vervolg", _("Vervolgoverleg")
        EVALUATIE = "evaluatie", _("Evaluatieoverleg")
        VOORTGANG = "voortgang", _("Voortgangsgesprek")  # De Tafel, step 6: repeatable

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        GEHOUDEN = "gehouden", _("Gehouden")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    class Verstuurder(models.TextChoices):
        INWONER = "inwoner", _("De inwoner")
        PROFESSIONAL = "professional", _("De professional")
        SAMEN = "samen", _("Samen")

    class Vervolg(models.TextChoices):
        EVALUATIE_OVERLEG = "evaluatie_overleg", _("Evaluatie in een overleg")
        EVALUATIE_EMAIL = "evaluatie_email", _("Evaluatie per e-mail")
        VERVOLGOVERLEG = "vervolgoverleg", _("Vervolgoverleg")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="overleggen", verbose_name=_("casus"))
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices, default=Vorm.SAMENWERKWIJZE)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.EERSTE)
    doel = models.TextField(_("doel van het overleg"), help_text=_("Een korte samenvatting van het plan"))
    begint = models.DateTimeField(_("begint"))
    eindigt = models.DateTimeField(_("eindigt"))
    bij_inwoner_thuis = models.BooleanField(_("bij de inwoner thuis"), default=True)
    locatie = models.CharField(_("andere plaats"), max_length=200, blank=True)
    locatie_reden = models.CharField(_("waarom niet thuis?"), max_length=300, blank=True)
    # Chair and note-taker are chosen from the people involved (soort + the one link that
    # fits; the resident needs none). The name as chosen is kept beside it for the pages,
    # the ICS and the e-mails; a meeting planned before the choice existed has only that
    # name, as it was typed (soort empty; migration 0003).
    voorzitter = models.CharField(_("voorzitter"), max_length=150)
    voorzitter_soort = models.CharField(_("voorzitter is"), max_length=20, choices=Rolkeuze.choices, blank=True)
    voorzitter_betrokkene = models.ForeignKey(Betrokkene, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    voorzitter_netwerklid = models.ForeignKey(Netwerklid, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    notulist = models.CharField(_("notulist"), max_length=150)
    notulist_soort = models.CharField(_("notulist is"), max_length=20, choices=Rolkeuze.choices, blank=True)
    notulist_betrokkene = models.ForeignKey(Betrokkene, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    notulist_netwerklid = models.ForeignKey(Netwerklid, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    antwoord_voor = models.DateField(_("antwoord graag vóór"))
    organisator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND)
    # RFC 5545: one UID for the life of the meeting; SEQUENCE grows with every change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    volgnummer = models.PositiveIntegerField(_("volgnummer (SEQUENCE)"), default=0)
    versie = models.PositiveIntegerField(default=0)  # optimistic locking of edits
    # The list of invitees is chosen with the resident (principle 1).
    lijst_akkoord_op = models.DateTimeField(_("inwoner akkoord met de deelnemers op"), null=True, blank=True)
    verstuurd_door = models.CharField(_("wie verstuurt de uitnodigingen"), max_length=20, choices=Verstuurder.choices, blank=True)
    # Recorded at and after the meeting (domain.md §3 step 4 "Agenda", ground rules).
    ronde = models.OneToOneField(
        "plannen.Ronde", on_delete=models.SET_NULL, null=True, blank=True, related_name="overleg", editable=False
    )
    casusregisseur = models.ForeignKey(
        Betrokkene, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("casusregisseur")
    )
    procesregisseur_nodig = models.BooleanField(_("procesregisseur nodig?"), null=True, blank=True)
    procesregisseur_toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    vervolg = models.CharField(_("evaluatie of vervolg"), max_length=20, choices=Vervolg.choices, blank=True)
    vervolg_datum = models.DateField(_("datum evaluatie of vervolg"), null=True, blank=True)
    gehouden_op = models.DateTimeField(_("gehouden en afgesloten op"), null=True, blank=True)
    geannuleerd_reden = models.CharField(_("reden van annuleren"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    objects = OverlegQuerySet.as_manager()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["-begint", "-id"]
        indexes = [
            models.Index(fields=["casus", "status", "begint"], name="overleg_casus_status"),
            models.Index(fields=["gemeente", "status", "begint"], name="overleg_gemeente_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_vorm_display()} {timezone.localtime(self.begint):%d-%m-%Y %H:%M}"

    def keuze(self, rol: str) -> tuple[str, int | None] | None:
        """The chosen person for "voorzitter" or "notulist" as (soort, id); None if there is only
        a name (typed before the choice existed, or the link is gone)."""
        soort = getattr(self, f"{rol}_soort")
        if soort == Rolkeuze.INWONER:
            return soort, None
        pk = {
            Rolkeuze.BETROKKENE: getattr(self, f"{rol}_betrokkene_id"),
            Rolkeuze.NETWERKLID: getattr(self, f"{rol}_netwerklid_id"),
        }
        return (soort, pk[soort]) if pk.get(soort) else None

    @property
    def waar(self) -> str:
        return str(_("Bij de inwoner thuis")) if self.bij_inwoner_thuis else self.locatie

    @property
    def duur_uren(self):
        from decimal import Decimal

        return (Decimal((self.eindigt - self.begint).total_seconds()) / Decimal(3600)).quantize(Decimal("0.01"))


class Deelnemer(models.Model):
    """One invitee: a professional (with or without an account) or a network member."""

    class Soort(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        NETWERKLID = "netwerklid", _("Netwerklid")

    class Reden(models.TextChoices):
        ERVARING = "ervaring", _("Ervaring met de inwoner")
        KENNIS = "kennis", _("Kennis van de vraag")
        MEEDENKEN = "meedenken", _("Meedenken")
        KRITISCH = "kritisch", _("Een kritische blik")
        ANDERS = "anders", _("Anders")

    class Antwoord(models.TextChoices):
        NOG_NIET = "nog_niet", _("Nog niet uitgenodigd")
        UITGENODIGD = "uitgenodigd", _("Uitgenodigd, nog geen antwoord")
        GEACCEPTEERD = "geaccepteerd", _("Komt")
        AFGEWEZEN = "afgewezen", _("Komt niet")
        DOORGESTUURD = "doorgestuurd", _("Doorgestuurd naar een collega")

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="deelnemers")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    organisatie = models.CharField(_("organisatie"), max_length=150, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    netwerklid = models.ForeignKey(Netwerklid, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reden = models.CharField(_("waarom uitgenodigd"), max_length=20, choices=Reden.choices)
    reden_toelichting = models.CharField(_("toelichting op de reden"), max_length=300, blank=True)
    antwoord = models.CharField(_("antwoord"), max_length=20, choices=Antwoord.choices, default=Antwoord.NOG_NIET)
    antwoord_toelichting = models.CharField(_("toelichting bij het antwoord"), max_length=300, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    uitgenodigd_op = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    doorgestuurd_door = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doorgestuurd_aan",
        verbose_name=_("doorgestuurd door"),
    )
    # Part of every signed link; a new value makes the old links worthless.
    sleutel = models.CharField(max_length=32, editable=False)
    plan_tot = models.DateTimeField(_("plan in te zien tot"), null=True, blank=True)
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    afsluitronde = models.TextField(_("hoe was dit overleg voor jou?"), blank=True)
    # Every e-mail to or about this invitee, in the product's one outbox (ADR 0005).
    berichten = GenericRelation(
        "berichten.Bericht",
        content_type_field="onderwerp_type",
        object_id_field="onderwerp_id",
        related_query_name="overleg_deelnemer",
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["id"]
        indexes = [models.Index(fields=["user", "overleg"], name="deelnemer_user")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})" if self.organisatie else self.naam

    @property
    def heeft_geantwoord(self) -> bool:
        return self.antwoord in (self.Antwoord.GEACCEPTEERD, self.Antwoord.AFGEWEZEN, self.Antwoord.DOORGESTUURD)

    @property
    def gemelde_weigering(self) -> Weigering | None:
        """The refusal reported to the area driver, or None. For templates: `d.weigering` on a
        participant without one raises, and each such failed lookup costs the template engine
        a dir() of the participant (once per row of the meeting page)."""
        try:
            return self.weigering  # type: ignore[no-any-return]
        except Deelnemer.weigering.RelatedObjectDoesNotExist:  # type: ignore[attr-defined]
            return None


class Agendapunt(models.Model):
    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agenda")
    volgorde = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=30)
    titel = models.CharField(_("agendapunt"), max_length=200)
    besloten = models.BooleanField(_("besloten deel, zonder professionals"), default=False)
    notities = models.TextField(_("aantekeningen"), blank=True)

    class Meta:
        ordering = ["volgorde"]
        constraints = [models.UniqueConstraint(fields=["overleg", "volgorde"], name="agendapunt_volgorde")]

    def __str__(self) -> str:
        return self.titel


class Checkpunt(models.Model):
    """One question of a preparation checklist: answered, or explicitly skipped."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="checklist")
    lijst = models.CharField(max_length=20)
    code = models.CharField(max_length=30)
    vraag = models.CharField(max_length=300)
    antwoord = models.TextField(_("antwoord"), blank=True)
    overgeslagen = models.BooleanField(_("bewust overgeslagen"), default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["overleg", "lijst", "code"], name="checkpunt_uniek")]

    def __str__(self) -> str:
        return self.vraag

    @property
    def afgehandeld(self) -> bool:
        return self.overgeslagen or bool(self.antwoord.strip())


class Weigering(models.Model):
    """An invitee declined or did not answer in time: the gebiedsaanjager of the area follows
    it up with management (domain.md §3 step 4 "Refusal") and records the outcome."""

    class Reden(models.TextChoices):
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        GEEN_ANTWOORD = "geen_antwoord", _("Geen antwoord vóór de datum")

    class Uitkomst(models.TextChoices):
        OPEN = "open", _("Nog op te volgen")
        OPGESCHAALD = "opgeschaald", _("Opgeschaald naar het management")
        OPGELOST = "opgelost", _("Opgelost: komt alsnog of een ander komt")
        GEEN_ACTIE = "geen_actie", _("Geen actie nodig")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey("gemeenten.Gebied", on_delete=models.PROTECT, related_name="+")
    deelnemer = models.OneToOneField(Deelnemer, on_delete=models.CASCADE, related_name="weigering")
    reden = models.CharField(max_length=20, choices=Reden.choices)
    gemeld_op = models.DateTimeField(default=timezone.now)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, default=Uitkomst.OPEN)
    toelichting = models.TextField(_("toelichting"), blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("weigering")
        verbose_name_plural = _("weigeringen")
        ordering = ["-gemeld_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "gebied", "uitkomst"], name="weigering_gebied_uitkomst")]

    def __str__(self) -> str:
        return f"{self.deelnemer}: {self.get_reden_display()}"


class Agendafeed(models.Model):
    """A professional's secret calendar subscription (ICS) of their own meetings."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    laatst_opgehaald = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "ingetrokken_op"], name="agendafeed_user")]

    def __str__(self) -> str:
        return f"agendafeed {self.pk} ({self.user_id})"
