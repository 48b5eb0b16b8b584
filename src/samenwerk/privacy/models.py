"""The access log in the manner of NEN 7513: who did what with whose data, when, from where
and on which basis. Pointers only — never the personal values themselves.

Rows are append-only (database triggers refuse UPDATE and DELETE, see migration 0002). Each
row carries an HMAC over its fields and its id, with a key kept outside the database; a
request writes its rows with one INSERT and waits on nobody. Shortly after, the sealer
(privacy.zegels) seals them: per municipality a chain of seals, each covering an id range
with the number of rows and a digest over their ids and HMACs, each seal HMAC-ed and pointing
at the one before, the chains' heads anchored outside the database (privacy.ankers). So
`manage.py verify_audit_log` detects an edited, inserted, copied or removed row, a rewritten
chain, a cut-off end, and rows left unsealed too long. Rows written before the seals
(issue 21) also carry the old per-row chain (seq, prev_hash); their HMAC has no id.
Nothing here references other apps' tables: a row survives the deletion of the user, the
case and the municipality it points to.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from .velden import IdLijst


class Actie(models.TextChoices):
    """NEN 7513 action codes, plus the forms of reading the standard asks to log separately."""

    CREATE = "create", _("aangemaakt")
    READ = "read", _("ingezien")
    UPDATE = "update", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EXPORT = "export", _("geëxporteerd")
    PRINT = "print", _("afgedrukt")
    SEARCH = "search", _("gezocht")


class Uitkomst(models.TextChoices):
    SUCCESS = "success", _("toegestaan")
    DENIED = "denied", _("geweigerd")


class Kanaal(models.TextChoices):
    WEB = "web", _("web")
    API = "api", _("API")
    TASK = "task", _("achtergrondtaak")
    COMMAND = "command", _("beheeropdracht")


class AuditQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise PermissionError("The access log is append-only.")


class AlleenToevoegen(models.Model):
    """Rows and seals of the access log: written once, never changed or deleted (the
    database's triggers refuse it too, privacy.triggers)."""

    objects = AuditQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:  # a row read from the database (new rows come with their id)
            raise PermissionError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")


class AuditEntry(AlleenToevoegen):
    # chain position
    chain = models.BigIntegerField(_("keten"), help_text=_("De gemeente (id), of 0 buiten een gemeente."))
    # the per-row chain of rows written before the seals (issue 21); empty on newer rows
    seq = models.BigIntegerField(_("volgnummer"), null=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    # Not indexed: nothing looks a row up by its hash, and (chain, seq) is unique while the
    # hash covers chain and seq, so a unique index would refuse nothing more; on PostgreSQL
    # it came with a second (_like) index, 748 MB together at 4.2 million rows.
    hash = models.CharField(max_length=64)
    # when
    tijdstip = models.DateTimeField(_("tijdstip (UTC)"))
    # what: action, outcome, event
    actie = models.CharField(_("actie"), max_length=10, choices=Actie.choices)
    uitkomst = models.CharField(_("uitkomst"), max_length=10, choices=Uitkomst.choices, default=Uitkomst.SUCCESS)
    gebeurtenis = models.CharField(_("gebeurtenis"), max_length=80)
    # who: a snapshot that survives the deletion of the account
    gebruiker_id = models.BigIntegerField(_("gebruiker (id)"), null=True)
    gebruiker_naam = models.CharField(_("gebruiker"), max_length=200, blank=True)
    rol = models.CharField(_("rol"), max_length=60, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    # whose data and which object (pointers, never values)
    gemeente_id = models.BigIntegerField(_("gemeente (id)"), null=True)
    inwoner_id = models.BigIntegerField(_("inwoner (id)"), null=True)
    casus_id = models.BigIntegerField(_("casus (id)"), null=True)
    # A list view's row names every resident it showed (issue 21): one row per view and basis
    # instead of one per resident. Empty on other rows. On PostgreSQL each has a partial GIN
    # index (migration 0006); "who looked at my data" searches them beside inwoner_id.
    inwoner_ids = IdLijst(_("inwoners (ids)"), default=list, blank=True)
    casus_ids = IdLijst(_("casussen (ids)"), default=list, blank=True)
    object_type = models.CharField(_("soort object"), max_length=60, blank=True)
    object_id = models.CharField(_("object (id)"), max_length=64, blank=True)
    gegevenssegment = models.CharField(_("gegevenssegment"), max_length=60, blank=True)
    velden = models.JSONField(
        _("velden"), default=list, blank=True, help_text=_("Gewijzigde velden, of de gebruikte zoekfilters.")
    )
    # on which basis: the checks that granted (or refused) access
    doel = models.CharField(_("doel"), max_length=60, blank=True)
    grond_rol = models.BooleanField(_("toegestaan op grond van rol"), default=False)
    relatie = models.CharField(_("relatie met de casus"), max_length=40, blank=True)
    toestemming = models.BooleanField(_("toestemming aanwezig"), null=True)
    noodtoegang = models.BooleanField(_("noodtoegang"), default=False)
    reden = models.TextField(_("opgegeven reden"), blank=True)
    # from where
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal.choices)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    systeem = models.CharField(_("systeem"), max_length=40, default="samenwerkplatform")

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-tijdstip", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], condition=models.Q(seq__isnull=False), name="audit_chain_seq_uniek")
        ]
        indexes = [
            # the sealer and the verifier read one chain's rows in an id range
            models.Index(fields=["chain", "id"], name="audit_chain_id"),
            models.Index(fields=["gemeente_id", "-tijdstip"], name="audit_gemeente_tijd"),
            models.Index(fields=["inwoner_id", "-tijdstip"], name="audit_inwoner_tijd"),
            models.Index(fields=["casus_id", "-tijdstip"], name="audit_casus_tijd"),
            models.Index(fields=["gebruiker_id", "-tijdstip"], name="audit_gebruiker_tijd"),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M:%S} {self.gebruiker_naam} {self.actie} {self.gebeurtenis}"


class Zegel(AlleenToevoegen):
    """A seal over the rows of one chain with `vorige.tot_id < id <= tot_id`: how many, and a
    SHA-256 digest over their ids and HMACs in id order. Seals form a chain per municipality
    (`seq`, `prev_hash`), each with an HMAC over its own fields. Append-only like the rows."""

    chain = models.BigIntegerField(_("keten"))
    seq = models.BigIntegerField(_("volgnummer"))
    tot_id = models.BigIntegerField(_("tot en met rij"))
    aantal = models.PositiveIntegerField(_("aantal rijen"))
    digest = models.CharField(max_length=64)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    tijdstip = models.DateTimeField(_("verzegeld op (UTC)"))

    class Meta:
        verbose_name = _("zegel")
        verbose_name_plural = _("zegels van het toegangslog")
        ordering = ["chain", "seq"]
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="zegel_chain_seq_uniek")]
        indexes = [models.Index(fields=["tot_id"], name="zegel_tot_id"), models.Index(fields=["tijdstip"], name="zegel_tijdstip")]

    def __str__(self) -> str:
        return f"keten {self.chain}, zegel {self.seq} (tot rij {self.tot_id})"


class Afvoer(AlleenToevoegen):
    """Rows removed at the end of their retention period (privacy.partities): every row with
    `van <= tijdstip < tot` went (`van` empty: everything before `tot`), `rijen` of them. Per
    chain the highest id among them (`ketens`), and for each seal that kept some of its rows
    the number and digest of those it kept (`rest`, keyed "chain:seq"): verification checks
    those seals against this instead (privacy.zegels). The HMAC (the rows' key) keeps anyone
    without the key from writing one to cover a removal of their own."""

    van = models.DateTimeField(_("vanaf (UTC)"), null=True)
    tot = models.DateTimeField(_("tot (UTC)"))
    partitie = models.CharField(_("partitie"), max_length=63, blank=True)
    rijen = models.BigIntegerField(_("aantal rijen"))
    ketens = models.JSONField(_("hoogste rij per keten"), default=dict)
    rest = models.JSONField(_("wat elk geraakt zegel hield"), default=dict)
    tijdstip = models.DateTimeField(_("afgevoerd op (UTC)"))
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("afvoer")
        verbose_name_plural = _("afvoer uit het toegangslog")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.rijen} rijen van voor {self.tot:%Y-%m-%d}"
