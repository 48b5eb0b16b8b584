"""A training cohort (domain.md §7 Leertraject; §10 group of 5-15): its days, participants,
attendance per day and buddy pairs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie


class LeertrajectQuerySet(models.QuerySet["Leertraject"]):
    def for_user(self, user: object) -> LeertrajectQuerySet:
        """Cohorts a person may open: organisers (gebiedsaanjager, kwartiermaker, functioneel
        beheerder) see every cohort of their municipality; trainers and participants theirs."""
        from ..rules import ORGANISATOREN

        if not getattr(user, "is_authenticated", False) or not user.is_active:  # type: ignore[attr-defined]
            return self.none()
        rollen = user.rollen.actief()  # type: ignore[attr-defined]
        gemeenten = rollen.values("gemeente_id")
        organiseert = rollen.filter(rol__in=ORGANISATOREN).values("gemeente_id")
        eigen = Q(didactisch_trainer=user) | Q(ervaringstrainer=user) | Q(deelnemers__user=user)
        return self.filter(Q(gemeente__in=organiseert) | (eigen & Q(gemeente__in=gemeenten))).distinct()


class Leertraject(models.Model):
    class Vorm(models.TextChoices):
        DRIE_DAGEN = "drie_dagen", _("Drie dagen, verspreid over ongeveer drie maanden")
        TWEE_DAGEN = "twee_dagen", _("Twee dagen live of hybride")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("gebied")
    )
    naam = models.CharField(_("naam"), max_length=120)
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices, default=Vorm.DRIE_DAGEN)
    didactisch_trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("didactisch trainer")
    )
    ervaringstrainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("trainer-ervaringsdeskundige")
    )
    min_dagen_aanwezig = models.PositiveSmallIntegerField(
        _("minimaal aantal dagen aanwezig"), default=3,
        help_text=_("Regel voor het certificaat: zoveel dagen aanwezig, en alle verplichte opdrachten akkoord."),
    )  # fmt: skip
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    versie = models.PositiveIntegerField(default=0)

    objects = LeertrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("leertraject")
        verbose_name_plural = _("leertrajecten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "aangemaakt_op"], name="leertraject_gemeente")]

    def __str__(self) -> str:
        return self.naam


class Lesdag(models.Model):
    traject = models.ForeignKey(Leertraject, on_delete=models.CASCADE, related_name="dagen", verbose_name=_("leertraject"))
    nummer = models.PositiveSmallIntegerField(_("dag"))
    begin = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    online = models.BooleanField(_("online of hybride"), default=False)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    volgnummer = models.PositiveIntegerField(default=0)  # SEQUENCE of the calendar invitation

    class Meta:
        verbose_name = _("lesdag")
        verbose_name_plural = _("lesdagen")
        ordering = ["traject", "nummer"]
        constraints = [models.UniqueConstraint(fields=["traject", "nummer"], name="lesdag_uniek")]

    def __str__(self) -> str:
        return f"{self.nummer}: {timezone.localtime(self.begin):%d-%m-%Y %H:%M}"


class Deelnemer(models.Model):
    """A participant, with the organisation they take part for and their own learning question
    (ik wil / ik kan / ik heb nodig), looked back on at the end of the course."""

    traject = models.ForeignKey(Leertraject, on_delete=models.CASCADE, related_name="deelnemers", verbose_name=_("leertraject"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="leertrajecten", verbose_name=_("deelnemer")
    )
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie"))
    via_deelname = models.ForeignKey(
        "leren.Deelname", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("uitgenodigd vanaf de nieuwkomertafel"),
    )  # fmt: skip
    ik_wil = models.TextField(_("Ik wil"), blank=True)
    ik_kan = models.TextField(_("Ik kan"), blank=True)
    ik_heb_nodig = models.TextField(_("Ik heb nodig"), blank=True)
    terugblik = models.TextField(_("terugblik op de leervraag"), blank=True)
    terugblik_op = models.DateTimeField(_("teruggeblikt op"), null=True, blank=True)
    toegevoegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("deelnemer aan een leertraject")
        verbose_name_plural = _("deelnemers aan een leertraject")
        ordering = ["traject_id", "user__last_name", "user__first_name", "id"]
        constraints = [models.UniqueConstraint(fields=["traject", "user"], name="trajectdeelnemer_uniek")]
        indexes = [models.Index(fields=["user", "traject"], name="trajectdeelnemer_user")]

    def __str__(self) -> str:
        return str(self.user)


class Aanwezigheid(models.Model):
    dag = models.ForeignKey(Lesdag, on_delete=models.CASCADE, related_name="aanwezigheden", verbose_name=_("lesdag"))
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="aanwezigheden", verbose_name=_("deelnemer"))
    aanwezig = models.BooleanField(_("aanwezig"))
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [models.UniqueConstraint(fields=["dag", "deelnemer"], name="aanwezigheid_uniek")]

    def __str__(self) -> str:
        return f"{self.dag_id} {self.deelnemer_id}: {self.aanwezig}"


class Maatjes(models.Model):
    """Two participants who keep each other going; they meet again three months after the
    last day of the course (`afspraak_op`), which the signal engine brings to both."""

    traject = models.ForeignKey(Leertraject, on_delete=models.CASCADE, related_name="maatjes", verbose_name=_("leertraject"))
    eerste = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="+", verbose_name=_("maatje"))
    tweede = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="+", verbose_name=_("maatje"))
    afspraak_op = models.DateField(_("maatjesafspraak op"), null=True, blank=True)
    gehouden_op = models.DateField(_("afspraak gehouden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("maatjes")
        verbose_name_plural = _("maatjes")
        constraints = [
            models.UniqueConstraint(fields=["eerste"], name="maatje_eerste_uniek"),
            models.UniqueConstraint(fields=["tweede"], name="maatje_tweede_uniek"),
        ]
        indexes = [models.Index(fields=["afspraak_op", "gehouden_op"], name="maatjes_afspraak")]

    def __str__(self) -> str:
        return f"{self.eerste_id} + {self.tweede_id}"
