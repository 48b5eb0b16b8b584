"""ZET — Zorg en ondersteuning Evaluatie Tool (domain.md §9): a municipality evaluates a few
cases from three sources (the resident, the professionals, the dossier), finds rode draden
and agrees improvement points. Everything here is special-category data: it is seen by the
round's evaluators and the municipality's functioneel beheerder only (rules.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import Gemeente, Organisatie, Rol, Roltoewijzing

# The five themes of domain.md §9: the default of every new round, editable per round.
STANDAARDTHEMAS = [
    _("Wist de inwoner waar hij of zij terecht kon voor zorg en ondersteuning?"),
    _("Kon de inwoner daar gemakkelijk komen?"),
    _("Werd de inwoner naar de juiste hulpverleners geleid?"),
    _("Was de hulp samenhangend over de organisaties heen?"),
    _("Paste de hulp bij de vraag van de inwoner?"),
]
REFERENTIE_AANTAL_CASUSSEN = 3  # "you see the rule, not the exception"; fewer is a compact round
OORDEEL = [MinValueValidator(1), MaxValueValidator(5)]
OORDEEL_KEUZES = [
    (1, _("1 – heel slecht")),
    (2, _("2 – slecht")),
    (3, _("3 – neutraal")),
    (4, _("4 – goed")),
    (5, _("5 – heel goed")),
]
VERSCHIL_DREMPEL = 2  # the resident's judgement differs from the professionals' by this much or more


class RondeQuerySet(models.QuerySet["Evaluatieronde"]):
    def for_user(self, user: object) -> RondeQuerySet:
        """Rounds this person evaluates, and every round of a municipality where they are
        functioneel beheerder (domain.md §9 privacy: nobody else)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        lid = Rondelid.objects.filter(ronde=OuterRef("pk"), user=user)
        gemeenten = Roltoewijzing.objects.actief().filter(user=user, rol=Rol.FUNCTIONEEL_BEHEERDER).values("gemeente_id")
        return self.filter(Exists(lid) | Q(gemeente_id__in=gemeenten))


class Evaluatieronde(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEROND = "afgerond", _("Afgerond")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    naam = models.CharField(_("naam"), max_length=150)
    van = models.DateField(_("periode van"))
    tot = models.DateField(_("periode tot en met"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)

    objects = RondeQuerySet.as_manager()

    class Meta:
        verbose_name = _("ZET-ronde")
        verbose_name_plural = _("ZET-rondes")
        ordering = ["-van", "-id"]
        indexes = [models.Index(fields=["gemeente", "-van"], name="zetronde_gemeente_van")]

    def __str__(self) -> str:
        return self.naam


class Thema(models.Model):
    """One theme (question) of a round; every interview answers it."""

    ronde = models.ForeignKey(Evaluatieronde, on_delete=models.CASCADE, related_name="themas")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    tekst = models.CharField(_("thema"), max_length=300)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return self.tekst


class Rondelid(models.Model):
    """An evaluator: interviewer or note-taker (the second person) of a round."""

    class Taak(models.TextChoices):
        INTERVIEWER = "interviewer", _("Interviewer")
        NOTULIST = "notulist", _("Notulist (tweede persoon)")

    ronde = models.ForeignKey(Evaluatieronde, on_delete=models.CASCADE, related_name="leden")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="zet_rondes")
    taak = models.CharField(_("taak"), max_length=20, choices=Taak.choices)

    class Meta:
        verbose_name = _("evaluator")
        verbose_name_plural = _("evaluatoren")
        constraints = [models.UniqueConstraint(fields=["ronde", "user"], name="zet_lid_uniek")]
        indexes = [models.Index(fields=["user", "ronde"], name="zetlid_user_ronde")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_taak_display()})"


class Rondecasus(models.Model):
    """A case in a round. On withdrawal of consent the link to the case and everything said
    about it go; the row stays with `teruggetrokken_op` only (the round's note)."""

    ronde = models.ForeignKey(Evaluatieronde, on_delete=models.CASCADE, related_name="casussen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    casus = models.ForeignKey(Casus, on_delete=models.SET_NULL, null=True, blank=True, related_name="zet_rondes")
    label = models.CharField(_("casus"), max_length=20)
    aanvulling = models.TextField(
        _("aanvulling op de dossierstudie"), blank=True, help_text=_("Wat de registratie niet zegt, volgens de evaluator.")
    )
    toegevoegd_op = models.DateTimeField(auto_now_add=True)
    teruggetrokken_op = models.DateField(_("teruggetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("casus in een ZET-ronde")
        verbose_name_plural = _("casussen in een ZET-ronde")
        ordering = ["label", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "casus"], condition=Q(casus__isnull=False), name="zet_casus_eenmaal")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def teruggetrokken(self) -> bool:
        return self.teruggetrokken_op is not None


class Interview(models.Model):
    """One of the interview sources of a case: the resident, or one professional. The third
    source, the dossier study, is computed (dossier.py) and is no interview."""

    class Bron(models.TextChoices):
        INWONER = "inwoner", _("Interview met de inwoner")
        PROFESSIONAL = "professional", _("Interview met een professional")

    rondecasus = models.ForeignKey(Rondecasus, on_delete=models.CASCADE, related_name="interviews")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("professional"),
    )  # fmt: skip
    geinterviewde = models.CharField(_("geïnterviewde"), max_length=200, blank=True, help_text=_("Naam en organisatie"))
    datum = models.DateField(_("datum"), default=timezone.localdate)
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    notulist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("notulist"),
    )  # fmt: skip
    toestemming_vastgelegd = models.BooleanField(_("toestemming voor dit interview vastgelegd"), default=False)
    terugkoppeling_gewenst = models.BooleanField(_("wil terugkoppeling achteraf"), default=False)
    terugkoppeling_uiterlijk = models.DateField(_("terugkoppeling uiterlijk"), null=True, blank=True)
    terugkoppeling_gegeven_op = models.DateField(_("terugkoppeling gegeven op"), null=True, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["bron", "datum", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rondecasus"], condition=Q(bron="inwoner"), name="zet_een_inwonerinterview"),
            models.UniqueConstraint(
                fields=["rondecasus", "professional"], condition=Q(bron="professional"), name="zet_professional_eenmaal"
            ),
        ]
        indexes = [
            models.Index(
                fields=["gemeente", "terugkoppeling_uiterlijk"],
                condition=Q(terugkoppeling_gewenst=True, terugkoppeling_gegeven_op__isnull=True),
                name="zet_terugkoppeling_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_bron_display()} ({self.datum:%d-%m-%Y})"


class Antwoord(models.Model):
    """What one interview says about one theme: the interviewer's text, the second person's
    notes beside it, and a judgement on a short scale (so differences are computed)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="antwoorden")
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="antwoorden")
    tekst = models.TextField(_("aantekeningen van de interviewer"), blank=True)
    notities = models.TextField(_("aantekeningen van de tweede persoon"), blank=True)
    oordeel = models.PositiveSmallIntegerField(_("oordeel"), null=True, blank=True, choices=OORDEEL_KEUZES, validators=OORDEEL)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [models.UniqueConstraint(fields=["interview", "thema"], name="zet_antwoord_uniek")]

    def __str__(self) -> str:
        return f"{self.interview_id}/{self.thema_id}"

    @property
    def gedekt(self) -> bool:
        """A theme counts as covered when something was written or judged about it."""
        return bool(self.tekst.strip() or self.notities.strip() or self.oordeel)


class RodeDraad(models.Model):
    """A common thread across cases and sources, with the observations that support it."""

    ronde = models.ForeignKey(Evaluatieronde, on_delete=models.CASCADE, related_name="rode_draden")
    naam = models.CharField(_("naam"), max_length=200)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    antwoorden = models.ManyToManyField(Antwoord, related_name="rode_draden", blank=True, verbose_name=_("waarnemingen"))
    dossiers = models.ManyToManyField(Rondecasus, related_name="rode_draden", blank=True, verbose_name=_("dossierstudies"))

    class Meta:
        verbose_name = _("rode draad")
        verbose_name_plural = _("rode draden")
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam

    @property
    def aantal_waarnemingen(self) -> int:
        """Prefetch `antwoorden` and `dossiers` (selectors.rode_draden)."""
        return len(self.antwoorden.all()) + len(self.dossiers.all())


class Verbeterpunt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Nog niet begonnen")
        BEZIG = "bezig", _("In uitvoering")
        AFGEROND = "afgerond", _("Afgerond")

    ronde = models.ForeignKey(Evaluatieronde, on_delete=models.CASCADE, related_name="verbeterpunten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    tekst = models.CharField(_("verbeterpunt"), max_length=300)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("eigenaar (persoon)"),
    )  # fmt: skip
    eigenaar_organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("eigenaar (organisatie)"),
    )  # fmt: skip
    uiterlijk = models.DateField(_("uiterlijk"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opvolging = models.TextField(_("opvolging"), blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    rode_draden = models.ManyToManyField(RodeDraad, related_name="verbeterpunten", blank=True, verbose_name=_("rode draden"))

    class Meta:
        verbose_name = _("verbeterpunt")
        verbose_name_plural = _("verbeterpunten")
        ordering = ["uiterlijk", "id"]
        indexes = [models.Index(fields=["gemeente", "status", "uiterlijk"], name="zet_verbeterpunt_open")]
        constraints = [
            models.CheckConstraint(
                condition=Q(eigenaar__isnull=False) | Q(eigenaar_organisatie__isnull=False), name="zet_verbeterpunt_eigenaar"
            )
        ]

    def __str__(self) -> str:
        return self.tekst

    @property
    def eigenaar_naam(self) -> str:
        return str(self.eigenaar or self.eigenaar_organisatie or "")
