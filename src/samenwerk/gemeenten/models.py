"""The organisation model of domain.md §1-2: the municipality as tenant, its areas and
neighbourhoods, the organisations that work there, and the people with their roles."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Gemeente(models.Model):
    """A municipality: the tenant. Every row of case data carries its gemeente."""

    class Fase(models.TextChoices):
        VOORBEREIDING = "voorbereiding", _("Voorbereiding")
        UITVOERING = "uitvoering", _("Uitvoering")
        UITBREIDING = "uitbreiding", _("Uitbreiding en borging")

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam"), unique=True)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.VOORBEREIDING)
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren)"),
        default=15,
        help_text=_(
            "Zo lang na het afsluiten blijven de persoonsgegevens van een casus bewaard; daarna worden ze geanonimiseerd."
        ),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gebied(models.Model):
    """An area of a municipality, with its local profile (domain.md §2)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="gebieden", verbose_name=_("gemeente"))
    naam = models.CharField(_("naam"), max_length=100)
    aantal_inwoners = models.PositiveIntegerField(_("aantal inwoners"), null=True, blank=True)
    sociaal_economische_status = models.TextField(_("sociaal-economische status"), blank=True)
    huishoudsamenstelling = models.TextField(_("samenstelling huishoudens"), blank=True)
    gezondheid_en_zorgvragen = models.TextField(_("gezondheid en soorten zorgvragen"), blank=True)
    ondersteuning = models.TextField(_("draagvlak en ondersteuning"), blank=True)

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["gemeente__naam", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="gebied_naam_uniek_per_gemeente")]

    def __str__(self) -> str:
        return self.naam


class Wijk(models.Model):
    """A neighbourhood or village; an area holds one or more of them."""

    class Soort(models.TextChoices):
        WIJK = "wijk", _("Wijk")
        DORP = "dorp", _("Dorp")

    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="wijken", verbose_name=_("gebied"))
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.WIJK)

    class Meta:
        verbose_name = _("wijk of dorp")
        verbose_name_plural = _("wijken en dorpen")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gebied", "naam"], name="wijk_naam_uniek_per_gebied")]

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    """A municipal department or partner organisation; the entries of the sociale kaart."""

    class Soort(models.TextChoices):
        GEMEENTE_ZORG_WELZIJN = "gemeente_zorg_welzijn", _("Gemeente: zorg en welzijn")
        GEMEENTE_WERK_INKOMEN = "gemeente_werk_inkomen", _("Gemeente: werk en inkomen")
        SCHULDHULP = "schuldhulp", _("Schuldhulpverlening")
        GEMEENTE_WONEN = "gemeente_wonen", _("Gemeente: wonen")
        WELZIJN = "welzijn", _("Welzijnsorganisatie")
        ZORG = "zorg", _("Zorgaanbieder")
        GGZ = "ggz", _("Geestelijke gezondheidszorg")
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
        VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie")
        SPORT = "sport", _("Sport")
        CULTUUR = "cultuur", _("Cultuur")
        ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")
        POLITIE = "politie", _("Politie")
        HUISARTS = "huisarts", _("Huisartsenpraktijk")
        OVERIG = "overig", _("Overig")

    class Relatie(models.TextChoices):
        DEELNEMER = "deelnemer", _("Deelnemer (alle niveaus)")
        PARTNER = "samenwerkingspartner", _("Samenwerkingspartner")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="organisaties", verbose_name=_("gemeente"))
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    relatie = models.CharField(_("relatie"), max_length=30, choices=Relatie.choices, default=Relatie.PARTNER)
    gebieden = models.ManyToManyField(Gebied, related_name="organisaties", blank=True, verbose_name=_("werkt in gebieden"))
    expertise = models.TextField(
        _("expertise"), blank=True, help_text=_("Waarvoor kunnen professionals deze organisatie vragen?")
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="organisatie_naam_uniek_per_gemeente")]
        indexes = [models.Index(fields=["gemeente", "soort"], name="organisatie_gemeente_soort")]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        super().clean()
        if self.pk and self.gemeente_id:
            vreemd = self.gebieden.exclude(gemeente_id=self.gemeente_id)
            if vreemd.exists():
                raise ValidationError({"gebieden": _("Een organisatie werkt alleen in gebieden van haar eigen gemeente.")})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A staff account: a professional, manager, executive, researcher or administrator.

    Residents (Inwoner) and network members are no accounts: they reach their own plan
    through secure links.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mailadres"), unique=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def actieve_rollen(self, gemeente: Gemeente | None = None) -> RoltoewijzingQuerySet:
        rollen = self.rollen.actief().select_related("gemeente", "gebied", "organisatie")
        return rollen.filter(gemeente=gemeente) if gemeente is not None else rollen

    def gemeenten(self) -> models.QuerySet[Gemeente]:
        return Gemeente.objects.filter(pk__in=self.rollen.actief().values("gemeente_id")).order_by("naam")


class Rol(models.TextChoices):
    """Standing roles of domain.md §1. Case roles (casusregisseur, deelnemer, voorzitter,
    notulist) belong to a case or a meeting and live there, not here."""

    SOCIAAL_PROFESSIONAL = "sociaal_professional", _("Sociaal professional")
    PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")
    GEBIEDSAANJAGER = "gebiedsaanjager", _("Gebiedsaanjager")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")
    KWARTIERMAKER = "kwartiermaker", _("Kwartiermaker")
    MANAGER = "manager", _("Manager")
    BESTUURDER = "bestuurder", _("Bestuurder")
    TAFELVOORZITTER = "tafelvoorzitter", _("Tafelvoorzitter")
    ONDERZOEKER = "onderzoeker", _("Onderzoeker")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    PRIVACYFUNCTIONARIS = "privacyfunctionaris", _("Privacyfunctionaris (logbeheer)")


class Scope(models.TextChoices):
    GEMEENTE = "gemeente", _("de gemeente")
    GEBIED = "gebied", _("een gebied")
    ORGANISATIE = "organisatie", _("een organisatie")


# Where each role is held. A role held "per gebied" needs a gebied, "per organisatie" an
# organisatie; a role held per gemeente takes neither.
ROL_SCOPE: dict[str, Scope] = {
    Rol.SOCIAAL_PROFESSIONAL: Scope.ORGANISATIE,
    Rol.PROCESREGISSEUR: Scope.ORGANISATIE,
    Rol.GEBIEDSAANJAGER: Scope.GEBIED,
    Rol.AMBASSADEUR: Scope.ORGANISATIE,
    Rol.KWARTIERMAKER: Scope.GEBIED,
    Rol.MANAGER: Scope.ORGANISATIE,
    Rol.BESTUURDER: Scope.ORGANISATIE,
    Rol.TAFELVOORZITTER: Scope.GEMEENTE,
    Rol.ONDERZOEKER: Scope.GEMEENTE,
    Rol.FUNCTIONEEL_BEHEERDER: Scope.GEMEENTE,
    Rol.PRIVACYFUNCTIONARIS: Scope.GEMEENTE,
}


class RoltoewijzingQuerySet(models.QuerySet["Roltoewijzing"]):
    def actief(self, op: datetime.date | None = None) -> RoltoewijzingQuerySet:
        dag = op or timezone.localdate()
        return self.filter(Q(geldig_vanaf__lte=dag), Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=dag))


class Roltoewijzing(models.Model):
    """A person holds a role in a municipality, possibly for one area or organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="rollen", verbose_name=_("gebruiker"))
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="roltoewijzingen", verbose_name=_("gemeente"))
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="roltoewijzingen", verbose_name=_("gebied")
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roltoewijzingen",
        verbose_name=_("organisatie"),
    )
    geldig_vanaf = models.DateField(_("geldig vanaf"), default=timezone.localdate)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)

    objects = RoltoewijzingQuerySet.as_manager()

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        ordering = ["gemeente__naam", "rol"]
        indexes = [models.Index(fields=["user", "gemeente", "rol"], name="rol_user_gemeente_rol")]

    def __str__(self) -> str:
        plek = self.organisatie or self.gebied or self.gemeente
        return f"{self.get_rol_display()} – {plek}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        scope = ROL_SCOPE.get(self.rol)
        if scope == Scope.GEBIED and not self.gebied_id:
            errors["gebied"] = _("Kies het gebied waarin deze rol wordt uitgeoefend.")
        if scope == Scope.ORGANISATIE and not self.organisatie_id:
            errors["organisatie"] = _("Kies de organisatie waarvoor deze rol wordt uitgeoefend.")
        if scope == Scope.GEMEENTE and self.organisatie_id:
            errors["organisatie"] = _("Deze rol hoort bij de gemeente als geheel, niet bij één organisatie.")
        if self.gemeente_id:
            if self.gebied_id and self.gebied.gemeente_id != self.gemeente_id:
                errors["gebied"] = _("Dit gebied hoort bij een andere gemeente.")
            if self.organisatie_id and self.organisatie.gemeente_id != self.gemeente_id:
                errors["organisatie"] = _("Deze organisatie hoort bij een andere gemeente.")
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            errors["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
        if errors:
            raise ValidationError(errors)


class NormenManager(models.Manager["Normen"]):
    def voor(self, gemeente: Gemeente | int) -> Normen:
        """The municipality's numbers; made with the defaults of domain.md §10 the first time."""
        gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
        normen, _nieuw = self.get_or_create(gemeente_id=gemeente_id)
        return normen


def _getal(minimum: int = 1) -> list[MinValueValidator]:
    return [MinValueValidator(minimum, _("Vul een getal van minstens %(limit_value)s in."))]


class Normen(models.Model):
    """The numbers of domain.md §10 as settings of one municipality ("All numbers are
    municipality settings with these defaults"). An unsaved `Normen()` holds the defaults,
    so pure functions can be tested without a database."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="normen", verbose_name=_("gemeente"))
    # Samenwerkwijze (domain.md §3 steps 4-6)
    afspraak_weken = models.PositiveSmallIntegerField(
        _("afspraken uitgevoerd binnen (weken)"), default=6, validators=_getal(),
        help_text=_("Standaard uiterlijke datum van een afspraak; later mag alleen met perspectief voor de inwoner."),
    )  # fmt: skip
    afspraak_waarschuwing_dagen = models.PositiveSmallIntegerField(
        _("waarschuwen als een afspraak binnen zoveel dagen afloopt"), default=7, validators=_getal()
    )
    overleg_binnen_weken = models.PositiveSmallIntegerField(
        _("Samenwerkoverleg binnen (weken) na het besluit"), default=2, validators=_getal()
    )
    herhaalmeting_vanaf_maanden = models.PositiveSmallIntegerField(
        _("herhaalmeting welzijn vanaf (maanden na afsluiten)"), default=6, validators=_getal()
    )
    herhaalmeting_tot_maanden = models.PositiveSmallIntegerField(
        _("herhaalmeting welzijn uiterlijk (maanden na afsluiten)"), default=12, validators=_getal()
    )
    antwoord_werkdagen = models.PositiveSmallIntegerField(
        _("antwoord op een uitnodiging binnen (werkdagen)"), default=5, validators=_getal()
    )
    # De Tafel Samen aan Zet (domain.md §5)
    tafel_interval_weken = models.PositiveSmallIntegerField(_("de Tafel komt samen elke (weken)"), default=2, validators=_getal())
    tafel_mdo_vanaf_weken = models.PositiveSmallIntegerField(
        _("kennismaking → MDO+: vanaf (weken)"), default=1, validators=_getal()
    )
    tafel_mdo_tot_weken = models.PositiveSmallIntegerField(
        _("kennismaking → MDO+: uiterlijk (weken)"), default=2, validators=_getal()
    )
    tafel_vervolg_vanaf_weken = models.PositiveSmallIntegerField(
        _("MDO+ → vervolgoverleg: vanaf (weken)"), default=3, validators=_getal()
    )
    tafel_vervolg_tot_weken = models.PositiveSmallIntegerField(
        _("MDO+ → vervolgoverleg: uiterlijk (weken)"), default=4, validators=_getal()
    )
    tafel_casuscheck_weken = models.PositiveSmallIntegerField(
        _("casuscheck (weken na aanmelding)"), default=6, validators=_getal()
    )
    tafel_procesevaluatie_maanden = models.PositiveSmallIntegerField(
        _("procesevaluatie (maanden na aanmelding)"), default=6, validators=_getal()
    )
    # De lerende trap (domain.md §7)
    leersessies_per_maand_min = models.PositiveSmallIntegerField(
        _("leersessies per gebied per maand: minstens"), default=1, validators=_getal()
    )
    leersessies_per_maand_max = models.PositiveSmallIntegerField(
        _("leersessies per gebied per maand: hoogstens"), default=2, validators=_getal()
    )
    leersessie_aanmelden_dagen = models.PositiveSmallIntegerField(
        _("aanmelden voor een leersessie: liefst (dagen vooraf)"), default=3, validators=_getal(0)
    )
    leersessie_link_uren = models.PositiveSmallIntegerField(
        _("agenda en link naar de aangemelden (uren vooraf)"), default=24, validators=_getal()
    )
    actieleren_live_min = models.PositiveSmallIntegerField(
        _("actieleren live: minstens (mensen)"), default=6, validators=_getal()
    )
    actieleren_live_max = models.PositiveSmallIntegerField(
        _("actieleren live: hoogstens (mensen)"), default=8, validators=_getal()
    )
    actieleren_online_min = models.PositiveSmallIntegerField(
        _("actieleren online: minstens (mensen)"), default=2, validators=_getal()
    )
    actieleren_online_max = models.PositiveSmallIntegerField(
        _("actieleren online: hoogstens (mensen)"), default=5, validators=_getal()
    )
    evaluatietafel_max = models.PositiveSmallIntegerField(_("evaluatietafel: hoogstens (mensen)"), default=8, validators=_getal())
    netwerkoverleg_weken = models.PositiveSmallIntegerField(_("netwerkoverleg elke (weken)"), default=6, validators=_getal())
    steungroep_per_jaar_min = models.PositiveSmallIntegerField(_("steungroep per jaar: minstens"), default=4, validators=_getal())
    steungroep_per_jaar_max = models.PositiveSmallIntegerField(
        _("steungroep per jaar: hoogstens"), default=6, validators=_getal()
    )
    bundelen_vanaf_maanden = models.PositiveSmallIntegerField(
        _("successen en leerpunten bundelen: vanaf (maanden)"), default=3, validators=_getal()
    )
    bundelen_tot_maanden = models.PositiveSmallIntegerField(
        _("successen en leerpunten bundelen: uiterlijk (maanden)"), default=6, validators=_getal()
    )
    leergeschiedenis_maanden = models.PositiveSmallIntegerField(
        _("leergeschiedenis minstens elke (maanden)"), default=12, validators=_getal()
    )
    intervisie_per_jaar = models.PositiveSmallIntegerField(
        _("intervisie van gebiedsaanjagers per jaar"), default=4, validators=_getal()
    )
    trainingsgroep_min = models.PositiveSmallIntegerField(_("trainingsgroep: minstens (mensen)"), default=5, validators=_getal())
    trainingsgroep_max = models.PositiveSmallIntegerField(
        _("trainingsgroep: hoogstens (mensen)"), default=15, validators=_getal()
    )

    objects = NormenManager()

    # (from, to) pairs that must not be reversed
    BEREIKEN = [
        ("herhaalmeting_vanaf_maanden", "herhaalmeting_tot_maanden"),
        ("tafel_mdo_vanaf_weken", "tafel_mdo_tot_weken"),
        ("tafel_vervolg_vanaf_weken", "tafel_vervolg_tot_weken"),
        ("leersessies_per_maand_min", "leersessies_per_maand_max"),
        ("actieleren_live_min", "actieleren_live_max"),
        ("actieleren_online_min", "actieleren_online_max"),
        ("steungroep_per_jaar_min", "steungroep_per_jaar_max"),
        ("bundelen_vanaf_maanden", "bundelen_tot_maanden"),
        ("trainingsgroep_min", "trainingsgroep_max"),
    ]

    class Meta:
        verbose_name = _("normen en termijnen")
        verbose_name_plural = _("normen en termijnen")

    def __str__(self) -> str:
        return str(_("Normen en termijnen"))

    def clean(self) -> None:
        super().clean()
        fouten = {
            tot: _("Dit getal moet minstens zo groot zijn als het getal 'vanaf'.")
            for vanaf, tot in self.BEREIKEN
            if getattr(self, vanaf) is not None and getattr(self, tot) is not None and getattr(self, tot) < getattr(self, vanaf)
        }
        if fouten:
            raise ValidationError(fouten)

    @property
    def herhaalmeting_maanden(self) -> tuple[int, int]:
        return self.herhaalmeting_vanaf_maanden, self.herhaalmeting_tot_maanden
