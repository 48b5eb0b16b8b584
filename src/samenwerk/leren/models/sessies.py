"""Leersessies per area (domain.md §7): the session, its tables, who registered and who sat
where, and the actieleren record of a question at a casustafel."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente


class Leersessie(models.Model):
    """One learning session of an area: a plenary part and at least three tables,
    facilitated by the gebiedsaanjager; live at a location or online with a link."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="leersessies", verbose_name=_("gebied"))
    begin = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("einde"))
    online = models.BooleanField(_("online"), default=False)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    link = models.URLField(_("link naar de online bijeenkomst"), blank=True)
    aanjager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gebiedsaanjager")
    )
    plenair = models.TextField(_("plenaire deel"), blank=True, help_text=_("Wat er in het plenaire deel aan bod komt."))
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    versie = models.PositiveIntegerField(default=0)
    # Set when the agenda and link went to the registrants (sessies/versturen.py); whoever
    # registers after that gets no link.
    agenda_verstuurd_op = models.DateTimeField(_("agenda en link verstuurd op"), null=True, blank=True)
    max_deelnemers = models.PositiveSmallIntegerField(
        _("hoogstens (aanmeldingen)"), null=True, blank=True, help_text=_("Leeg: geen grens.")
    )

    class Meta:
        verbose_name = _("leersessie")
        verbose_name_plural = _("leersessies")
        ordering = ["begin", "id"]
        indexes = [models.Index(fields=["gemeente", "gebied", "begin"], name="leersessie_gebied_begin")]

    def __str__(self) -> str:
        return f"{self.gebied} {timezone.localtime(self.begin):%d-%m-%Y %H:%M}"


class Leertafel(models.Model):
    """One table of a session."""

    class Soort(models.TextChoices):
        NIEUWKOMER = "nieuwkomer", _("Nieuwkomertafel")
        CASUS = "casus", _("Casustafel (actieleren)")
        EVALUATIE = "evaluatie", _("Evaluatietafel")
        THEMA = "thema", _("Thematafel")
        ANDERS = "anders", _("Andere tafel")

    sessie = models.ForeignKey(Leersessie, on_delete=models.CASCADE, related_name="tafels", verbose_name=_("leersessie"))
    soort = models.CharField(_("soort tafel"), max_length=20, choices=Soort.choices)
    naam = models.CharField(_("naam of thema"), max_length=120, blank=True)
    gespreksleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("gespreksleider"),
    )  # fmt: skip
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("leertafel")
        verbose_name_plural = _("leertafels")
        ordering = ["sessie", "volgorde", "id"]

    def __str__(self) -> str:
        return self.naam or self.get_soort_display()


class Deelname(models.Model):
    """A registration for a session, and afterwards where the person sat and whether they came.
    `laat`: registered later than the municipality's preferred number of days ahead;
    `zonder_link`: registered after the agenda and link went out, so they get no link."""

    sessie = models.ForeignKey(Leersessie, on_delete=models.CASCADE, related_name="deelnames", verbose_name=_("leersessie"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leersessie_deelnames", verbose_name=_("deelnemer")
    )
    aangemeld_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    laat = models.BooleanField(_("laat aangemeld"), default=False)
    zonder_link = models.BooleanField(_("aangemeld na het versturen van agenda en link"), default=False)
    afgemeld_op = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    tafel = models.ForeignKey(
        Leertafel, on_delete=models.SET_NULL, null=True, blank=True, related_name="deelnames", verbose_name=_("tafel")
    )
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    berichten = GenericRelation(
        "berichten.Bericht", content_type_field="onderwerp_type", object_id_field="onderwerp_id",
        related_query_name="leersessie_deelname",
    )  # fmt: skip

    class Meta:
        verbose_name = _("aanmelding voor een leersessie")
        verbose_name_plural = _("aanmeldingen voor leersessies")
        ordering = ["sessie", "aangemeld_op", "id"]
        constraints = [models.UniqueConstraint(fields=["sessie", "user"], name="deelname_een_per_persoon")]
        indexes = [models.Index(fields=["user", "sessie"], name="deelname_user")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.sessie_id}"


class Actieleren(models.Model):
    """One question handled by action learning at a casustafel (domain.md §7). The advices,
    participants and their expertise hang off it; afterwards the contributor records whether
    it was useful and what (it feeds the bundle and the leergeschiedenis)."""

    tafel = models.ForeignKey(Leertafel, on_delete=models.CASCADE, related_name="actieleren", verbose_name=_("tafel"))
    inbreng = models.ForeignKey(
        "leren.Casusinbreng", on_delete=models.SET_NULL, null=True, blank=True, related_name="actieleren",
        verbose_name=_("ingebrachte casus"),
    )  # fmt: skip
    indiener = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("inbrenger")
    )
    vraag = models.TextField(_("concrete vraag van de inbrenger"))
    les_vorige_keer = models.TextField(_("les van de vorige inbrenger"), blank=True)
    vervolgstappen = models.TextField(_("vervolgstappen"), blank=True)
    gespreksleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("gespreksleider"),
    )  # fmt: skip
    dialoog_adviseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("adviseur voor de korte dialoog"),
    )  # fmt: skip
    volgende_inbrenger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("brengt de volgende keer een vraag in"),
    )  # fmt: skip
    nuttig_bevonden = models.BooleanField(_("nuttig bevonden"), null=True, blank=True)
    wat_nuttig = models.TextField(_("wat was nuttig"), blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("actieleren")
        verbose_name_plural = _("actieleren")
        ordering = ["tafel", "aangemaakt_op", "id"]

    def __str__(self) -> str:
        return f"{self.tafel_id}: {self.vraag[:40]}"


# --- Added by the sessies part ---------------------------------------------------------------


class Leerrooster(models.Model):
    """The fixed schedule of an area's leersessies (domain.md §7): weekday, time, place or
    online link, every so many weeks; `sessies.services.plan_reeks` makes the sessions."""

    class Weekdag(models.IntegerChoices):
        MAANDAG = 0, _("maandag")
        DINSDAG = 1, _("dinsdag")
        WOENSDAG = 2, _("woensdag")
        DONDERDAG = 3, _("donderdag")
        VRIJDAG = 4, _("vrijdag")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    gebied = models.OneToOneField(Gebied, on_delete=models.CASCADE, related_name="leerrooster", verbose_name=_("gebied"))
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
    tijd = models.TimeField(_("begintijd"))
    duur_minuten = models.PositiveSmallIntegerField(_("duur (minuten)"), default=120)
    interval_weken = models.PositiveSmallIntegerField(_("elke (weken)"), default=4)
    online = models.BooleanField(_("online"), default=False)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    link = models.URLField(_("link naar de online bijeenkomst"), blank=True)
    thematafel = models.CharField(
        _("thematafel"), max_length=120, blank=True, help_text=_("Laat leeg als er geen thematafel is.")
    )
    max_deelnemers = models.PositiveSmallIntegerField(
        _("hoogstens (aanmeldingen)"), null=True, blank=True, help_text=_("Leeg: geen grens.")
    )
    aanjager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gebiedsaanjager")
    )
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rooster van de leersessies")
        verbose_name_plural = _("roosters van de leersessies")

    def __str__(self) -> str:
        return f"{self.gebied}: {self.get_weekdag_display()} {self.tijd:%H:%M}"


class Actielerendeelnemer(models.Model):
    """Who took part in the action-learning round, with the expertise they brought."""

    actieleren = models.ForeignKey(Actieleren, on_delete=models.CASCADE, related_name="deelnemers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("deelnemer"))
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("deelnemer aan actieleren")
        verbose_name_plural = _("deelnemers aan actieleren")
        ordering = ["actieleren", "id"]
        constraints = [models.UniqueConstraint(fields=["actieleren", "user"], name="actielerendeelnemer_uniek")]

    def __str__(self) -> str:
        return f"{self.user_id} ({self.expertise})"


class Advies(models.Model):
    """One advice of the advice round: written in two minutes, read out, no discussion. The
    contributor chooses at most two to follow up on."""

    actieleren = models.ForeignKey(Actieleren, on_delete=models.CASCADE, related_name="adviezen")
    adviseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("adviseur"),
    )  # fmt: skip
    tekst = models.TextField(_("advies"))
    gekozen = models.BooleanField(_("gekozen om mee verder te gaan"), default=False)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        ordering = ["actieleren", "volgorde", "id"]

    def __str__(self) -> str:
        return self.tekst[:40]


class Sessieverslag(models.Model):
    """The report of a leersessie (issue 18 item 8): goals, positive lessons, points of
    attention; the actions hang off it, each with a kartrekker per organisation."""

    sessie = models.OneToOneField(Leersessie, on_delete=models.CASCADE, related_name="verslag")
    doelen = models.TextField(_("doelen van de sessie"), blank=True)
    positief = models.TextField(_("wat ging goed (positieve lessen)"), blank=True)
    aandachtspunten = models.TextField(_("aandachtspunten"), blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("verslag van een leersessie")
        verbose_name_plural = _("verslagen van leersessies")

    def __str__(self) -> str:
        return f"{self.sessie}"


class Verslagactie(models.Model):
    verslag = models.ForeignKey(Sessieverslag, on_delete=models.CASCADE, related_name="acties")
    actie = models.CharField(_("actie"), max_length=300)
    organisatie = models.ForeignKey(
        "gemeenten.Organisatie", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    kartrekker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("kartrekker")
    )

    class Meta:
        verbose_name = _("actie uit een verslag")
        verbose_name_plural = _("acties uit verslagen")
        ordering = ["verslag", "id"]

    def __str__(self) -> str:
        return self.actie[:40]


class Sessiefeedback(models.Model):
    """A participant's short evaluation after the session: two scores (1-5) and a comment."""

    sessie = models.ForeignKey(Leersessie, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score_inhoud = models.PositiveSmallIntegerField(_("wat had u aan de inhoud (1-5)"))
    score_organisatie = models.PositiveSmallIntegerField(_("hoe was de organisatie (1-5)"))
    opmerking = models.TextField(_("opmerking"), blank=True)
    gegeven_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback op een leersessie")
        verbose_name_plural = _("feedback op leersessies")
        constraints = [models.UniqueConstraint(fields=["sessie", "user"], name="sessiefeedback_een_per_persoon")]

    def __str__(self) -> str:
        return f"{self.sessie_id}: {self.score_inhoud}/{self.score_organisatie}"
