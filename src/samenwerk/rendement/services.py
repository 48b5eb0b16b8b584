"""One function per thing a user does with the price list (style.md §3). Keyword-only, with
the actor, in a transaction; the pages, the admin actions and the API call these same
functions. Errors a user can fix are ValidationErrors with Dutch messages per field.

The price list holds no personal data, so there is no access-log row; who changed a list
last is kept on the list itself (`bijgewerkt_door`, a snapshot of the name).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Gemeente, User

from .keuzes import WEKEN_PER_JAAR
from .models import ITEMVELDEN, Prijsitem, Prijslijst
from .rules import mag_beheren
from .selectors import vorige_prijslijst
from .uitwisseling import ItemGegevens, lees_items

__all__ = [
    "ImportResultaat",
    "ItemGegevens",
    "importeer_prijslijst",
    "maak_prijslijst",
    "verwijder_item",
    "voeg_item_toe",
    "wijzig_item",
    "wijzig_prijslijst",
]


def _mag_beheren(actor: User, gemeente: Gemeente) -> None:
    if not mag_beheren(actor, gemeente):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente beheert de prijslijst."))


def _bijgewerkt(prijslijst: Prijslijst, actor: User) -> None:
    prijslijst.bijgewerkt_door = str(actor)
    prijslijst.save(update_fields=["bijgewerkt_op", "bijgewerkt_door"])


def _controleer_item(item: Prijsitem) -> None:
    """The model's validators and normalised code, then the code's uniqueness in the list as
    a field error (the database constraint stays as the last guard)."""
    item.full_clean(validate_constraints=False)
    dubbel = Prijsitem.objects.filter(prijslijst_id=item.prijslijst_id, code=item.code).exclude(pk=item.pk)
    if dubbel.exists():
        raise ValidationError({"code": _("Deze code komt al voor in de prijslijst.")})


def maak_prijslijst(
    *,
    actor: User,
    gemeente: Gemeente,
    jaar: int,
    kopieer: bool = True,
    weken_per_jaar: int | None = None,
    toelichting: str | None = None,
) -> Prijslijst:
    """Start the list of a year, as a copy of the most recent earlier list unless asked not to."""
    _mag_beheren(actor, gemeente)
    with transaction.atomic():
        if Prijslijst.objects.filter(gemeente=gemeente, jaar=jaar).exists():
            raise ValidationError({"jaar": _("Er is al een prijslijst voor %(jaar)s.") % {"jaar": jaar}})
        bron = vorige_prijslijst(gemeente, jaar) if kopieer else None
        lijst = Prijslijst(
            gemeente=gemeente,
            jaar=jaar,
            weken_per_jaar=weken_per_jaar or (bron.weken_per_jaar if bron else WEKEN_PER_JAAR),
            toelichting=toelichting if toelichting is not None else (bron.toelichting if bron else ""),
            bijgewerkt_door=str(actor),
        )
        lijst.full_clean(validate_constraints=False)
        lijst.save()
        if bron is not None:
            kopie = [Prijsitem(prijslijst=lijst, **{v: getattr(i, v) for v in ITEMVELDEN}) for i in bron.items.all()]
            Prijsitem.objects.bulk_create(kopie)
    return lijst


def wijzig_prijslijst(*, actor: User, prijslijst: Prijslijst, weken_per_jaar: int, toelichting: str) -> Prijslijst:
    _mag_beheren(actor, prijslijst.gemeente)
    with transaction.atomic():
        prijslijst.weken_per_jaar = weken_per_jaar
        prijslijst.toelichting = toelichting
        prijslijst.bijgewerkt_door = str(actor)
        prijslijst.full_clean(validate_constraints=False)
        prijslijst.save()
    return prijslijst


def voeg_item_toe(*, actor: User, prijslijst: Prijslijst, gegevens: ItemGegevens) -> Prijsitem:
    _mag_beheren(actor, prijslijst.gemeente)
    with transaction.atomic():
        item = Prijsitem(prijslijst=prijslijst, **asdict(gegevens))
        _controleer_item(item)
        item.save()
        _bijgewerkt(prijslijst, actor)
    return item


def wijzig_item(*, actor: User, item: Prijsitem, gegevens: ItemGegevens) -> Prijsitem:
    _mag_beheren(actor, item.prijslijst.gemeente)
    with transaction.atomic():
        for veld, waarde in asdict(gegevens).items():
            setattr(item, veld, waarde)
        _controleer_item(item)
        item.save()
        _bijgewerkt(item.prijslijst, actor)
    return item


def verwijder_item(*, actor: User, item: Prijsitem) -> None:
    """Analyses keep a copy of the price they used, so deleting an item changes no analysis."""
    _mag_beheren(actor, item.prijslijst.gemeente)
    with transaction.atomic():
        item.delete()
        _bijgewerkt(item.prijslijst, actor)


@dataclass(frozen=True)
class ImportResultaat:
    toegevoegd: int
    gewijzigd: int
    ongewijzigd: int
    niet_in_bestand: int

    def __str__(self) -> str:
        tekst = _("%(toegevoegd)s toegevoegd, %(gewijzigd)s gewijzigd, %(ongewijzigd)s ongewijzigd.") % asdict(self)
        if self.niet_in_bestand:
            tekst += " " + _("%(aantal)s items van de prijslijst stonden niet in het bestand; die zijn niet veranderd.") % {
                "aantal": self.niet_in_bestand
            }
        return tekst


def importeer_prijslijst(*, actor: User, prijslijst: Prijslijst, inhoud: bytes) -> ImportResultaat:
    """Read a CSV or XLSX file and upsert its items by code: all or nothing. Every row is
    checked first (uitwisseling.ImportMislukt lists every error); importing the same file
    again changes nothing. Items that are not in the file stay as they are."""
    _mag_beheren(actor, prijslijst.gemeente)
    gegevens = lees_items(inhoud)
    with transaction.atomic():
        Prijslijst.objects.select_for_update().filter(pk=prijslijst.pk).first()  # one import per list at a time
        bestaand = {i.code: i for i in prijslijst.items.all()}
        nieuw: list[Prijsitem] = []
        gewijzigd: list[Prijsitem] = []
        for g in gegevens:
            item = bestaand.get(g.code)
            if item is None:
                nieuw.append(Prijsitem(prijslijst=prijslijst, **asdict(g)))
            elif any(getattr(item, veld) != waarde for veld, waarde in asdict(g).items()):
                for veld, waarde in asdict(g).items():
                    setattr(item, veld, waarde)
                gewijzigd.append(item)
        Prijsitem.objects.bulk_create(nieuw)
        Prijsitem.objects.bulk_update(gewijzigd, ITEMVELDEN, batch_size=500)
        if nieuw or gewijzigd:
            _bijgewerkt(prijslijst, actor)
    in_bestand = {g.code for g in gegevens}
    return ImportResultaat(
        toegevoegd=len(nieuw),
        gewijzigd=len(gewijzigd),
        ongewijzigd=len(gegevens) - len(nieuw) - len(gewijzigd),
        niet_in_bestand=sum(1 for code in bestaand if code not in in_bestand),
    )
