"""The upper steps of the learning staircase (domain.md §7): the managers' netwerkoverleg,
the executives' steungroep and the gebiedsaanjagers' intervisie as meeting series of one
model (`Trapoverleg`, with a kind); dilemmas that travel up one level at a time with their
history; and the versioned documents drafted from the records (the bundle of successes and
learning points, the leergeschiedenis).

Nothing here is about a resident: these are the organisation's own records."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente


class Trapoverleg(models.Model):
    """One meeting of a series; the series is the municipality's meetings of one kind."""

    class Soort(models.TextChoices):
        NETWERKOVERLEG = "netwerkoverleg", _("Netwerkoverleg")
        KERNGROEP = "kerngroep", _("Kerngroep van het netwerkoverleg")
        STEUNGROEP = "steungroep", _("Steungroep")
        DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Dagelijks bestuur van de steungroep")
        INTERVISIE = "intervisie", _("Intervisie van gebiedsaanjagers")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    soort = models.CharField(_("soort overleg"), max_length=20, choices=Soort.choices)
    begint = models.DateTimeField(_("begint"))
    eindigt = models.DateTimeField(_("eindigt"))
    locatie = models.CharField(_("locatie of link"), max_length=200, blank=True)
    voorzitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("voorzitter"),
    )  # fmt: skip
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    volgnummer = models.PositiveIntegerField(default=0)  # the calendar's SEQUENCE
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("overleg op de trap")
        verbose_name_plural = _("overleggen op de trap")
        ordering = ["-begint", "-id"]
        indexes = [models.Index(fields=["gemeente", "soort", "begint"], name="trapoverleg_soort_begint")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {timezone.localtime(self.begint):%d-%m-%Y}"


class Trapdeelnemer(models.Model):
    """Invited to a meeting; afterwards whether they were there."""

    overleg = models.ForeignKey(Trapoverleg, on_delete=models.CASCADE, related_name="deelnemers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("deelnemer"))
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelnemer aan een overleg op de trap")
        verbose_name_plural = _("deelnemers aan overleggen op de trap")
        ordering = ["overleg", "id"]
        constraints = [models.UniqueConstraint(fields=["overleg", "user"], name="trapdeelnemer_uniek")]
        indexes = [models.Index(fields=["user", "overleg"], name="trapdeelnemer_user")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.overleg_id}"


class Trapagendapunt(models.Model):
    """An item on the agenda: free, a dilemma handled there, or a document presented there."""

    overleg = models.ForeignKey(Trapoverleg, on_delete=models.CASCADE, related_name="agenda")
    volgorde = models.PositiveSmallIntegerField(default=0)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    dilemma = models.ForeignKey(
        "leren.Dilemma", on_delete=models.SET_NULL, null=True, blank=True, related_name="agendapunten",
        verbose_name=_("dilemma"),
    )  # fmt: skip
    document = models.ForeignKey(
        "leren.Leerdocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="agendapunten",
        verbose_name=_("bundel of leergeschiedenis"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["overleg", "volgorde", "id"]

    def __str__(self) -> str:
        return self.titel


class Trapbesluit(models.Model):
    overleg = models.ForeignKey(Trapoverleg, on_delete=models.CASCADE, related_name="besluiten")
    tekst = models.TextField(_("besluit"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["overleg", "vastgelegd_op", "id"]

    def __str__(self) -> str:
        return self.tekst[:60]


class Trapactie(models.Model):
    """An action agreed at the meeting: what, who owns it, by when."""

    overleg = models.ForeignKey(Trapoverleg, on_delete=models.CASCADE, related_name="acties")
    wat = models.TextField(_("wat"))
    eigenaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("eigenaar"))
    uiterlijk = models.DateField(_("uiterlijk"))
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["overleg", "uiterlijk", "id"]
        indexes = [models.Index(fields=["eigenaar", "gedaan_op"], name="trapactie_eigenaar")]

    def __str__(self) -> str:
        return self.wat[:60]


class Niveau(models.TextChoices):
    """The three steps of the staircase, bottom up."""

    PROFESSIONAL = "professional", _("Professionals")
    NETWERKOVERLEG = "netwerkoverleg", _("Netwerkoverleg")
    STEUNGROEP = "steungroep", _("Steungroep")


NIVEAUS = [Niveau.PROFESSIONAL, Niveau.NETWERKOVERLEG, Niveau.STEUNGROEP]


class Dilemma(models.Model):
    """A dilemma with the three questions, raised at someone's level; handled there by action
    learning and, when unresolved, escalated one level up with its history."""

    class Status(models.TextChoices):
        OPEN = "open", _("In behandeling")
        OPGELOST = "opgelost", _("Opgelost")

    class Bron(models.TextChoices):
        INGEBRACHT = "ingebracht", _("Ingebracht")
        PROCESREGIE = "procesregie", _("Escalatie uit procesregie")
        ZET = "zet", _("Verbeterpunt uit ZET")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(
        Gebied, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("gebied")
    )
    titel = models.CharField(_("titel"), max_length=200)
    wat_wil_ik = models.TextField(_("wat wil ik?"))
    wat_kan_ik = models.TextField(_("wat kan ik?"))
    wat_heb_ik_nodig = models.TextField(_("wat heb ik nodig?"))
    ingebracht_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ingebracht door")
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.INGEBRACHT)
    regiehandeling = models.OneToOneField(
        "regie.Regiehandeling", on_delete=models.SET_NULL, null=True, blank=True, related_name="dilemma"
    )
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    oplossing = models.TextField(_("oplossing"), blank=True)
    opgelost_op = models.DateTimeField(_("opgelost op"), null=True, blank=True)
    opgelost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("ingebracht op"), default=timezone.now)
    versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemma's")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "niveau", "status"], name="dilemma_niveau_status")]

    def __str__(self) -> str:
        return self.titel


class Dilemmastap(models.Model):
    """The dilemma's stay at one level: when it arrived, how it was handled there (an
    actieleren record at a leersessie, or a meeting's agenda) and how it left."""

    class Uitkomst(models.TextChoices):
        GEESCALEERD = "geescaleerd", _("Een niveau hoger gelegd")
        OPGELOST = "opgelost", _("Opgelost")

    dilemma = models.ForeignKey(Dilemma, on_delete=models.CASCADE, related_name="stappen")
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    begonnen_op = models.DateTimeField(_("aangekomen op"), default=timezone.now)
    geeindigd_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    actieleren = models.ForeignKey(
        "leren.Actieleren", on_delete=models.SET_NULL, null=True, blank=True, related_name="dilemmastappen",
        verbose_name=_("actieleren"),
    )  # fmt: skip
    overleg = models.ForeignKey(
        Trapoverleg, on_delete=models.SET_NULL, null=True, blank=True, related_name="dilemmastappen",
        verbose_name=_("overleg"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("stap van een dilemma")
        verbose_name_plural = _("stappen van dilemma's")
        ordering = ["dilemma", "begonnen_op", "id"]
        constraints = [models.UniqueConstraint(fields=["dilemma", "niveau"], name="dilemmastap_een_per_niveau")]

    def __str__(self) -> str:
        return f"{self.dilemma_id}: {self.niveau}"

    @property
    def doorlooptijd(self):  # type: ignore[no-untyped-def]
        return (self.geeindigd_op or timezone.now()) - self.begonnen_op


class Dilemmanotitie(models.Model):
    """The history: who raised, handled, escalated or resolved it, with what they wrote."""

    class Soort(models.TextChoices):
        INGEBRACHT = "ingebracht", _("Ingebracht")
        BEHANDELD = "behandeld", _("Behandeld")
        GEESCALEERD = "geescaleerd", _("Een niveau hoger gelegd")
        OPGELOST = "opgelost", _("Opgelost")

    stap = models.ForeignKey(Dilemmastap, on_delete=models.CASCADE, related_name="notities")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    tekst = models.TextField(_("tekst"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("door"))
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("notitie bij een dilemma")
        verbose_name_plural = _("notities bij dilemma's")
        ordering = ["stap", "op", "id"]

    def __str__(self) -> str:
        return f"{self.soort} {self.op:%d-%m-%Y}"


class Leerdocument(models.Model):
    """A document drafted by the product from the records and then edited by people, every
    edit a new `Documentversie`: the bundle (successes and learning points of an area, every
    3-6 months) and the leergeschiedenis (at least yearly per method and area)."""

    class Soort(models.TextChoices):
        BUNDEL = "bundel", _("Bundel van successen en leerpunten")
        LEERGESCHIEDENIS = "leergeschiedenis", _("Leergeschiedenis")

    class Methode(models.TextChoices):
        SAMENWERKWIJZE = "samenwerkwijze", _("Samenwerkwijze")
        TAFEL = "tafel", _("De Tafel Samen aan Zet")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("gebied")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    methode = models.CharField(_("methode"), max_length=20, choices=Methode.choices, blank=True)
    van = models.DateField(_("periode vanaf"))
    tot = models.DateField(_("periode tot en met"))
    versie = models.PositiveIntegerField(_("versie"), default=1)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("leerdocument")
        verbose_name_plural = _("leerdocumenten")
        ordering = ["-tot", "-id"]
        indexes = [models.Index(fields=["gemeente", "soort", "gebied", "tot"], name="leerdocument_soort_tot")]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gte=models.F("van")), name="leerdocument_periode"),
        ]

    def __str__(self) -> str:
        plek = self.gebied.naam if self.gebied_id else str(_("hele gemeente"))
        return f"{self.get_soort_display()} {plek} {self.van:%m-%Y} – {self.tot:%m-%Y}"


class Documentversie(models.Model):
    """One version: the sections' texts as a person (or the draft) left them."""

    document = models.ForeignKey(Leerdocument, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"), default=dict)  # section code → text
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("door"))
    op = models.DateTimeField(_("op"), default=timezone.now)
    concept = models.BooleanField(_("concept uit de gegevens"), default=False)

    class Meta:
        verbose_name = _("versie van een leerdocument")
        verbose_name_plural = _("versies van leerdocumenten")
        ordering = ["document", "-nummer"]
        constraints = [models.UniqueConstraint(fields=["document", "nummer"], name="documentversie_uniek")]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.nummer}"
