"""The rules of the beheer for people and their roles (issue 17 items 6 and 7), used by the
admin (`admin.py`) and testable without it.

Account-wide actions. A person's account (e-mail address, name, password, active or not)
serves every municipality where they hold a role. A functioneel beheerder of Lindenhoven
who deactivated or reset the password of someone who also works in Bergwijde ended their
access there too. So an account-wide action is allowed only to someone who manages every
municipality where the person holds a role that has not ended; otherwise it is refused with
an explanation, and the beheerder ends the person's roles in their own municipality instead
(which ends access there and nowhere else). We chose refusal over asking the other
municipality's consent: it needs no new workflow, and the beheerder of the other
municipality (or a platform beheerder) can do it.

Roles. Every grant, change, end or removal of a role goes into the access log (the privacy
audit; Django's own admin log can be edited and is not the record). Nobody grants
themselves a sensitive role — a role that widens access to personal data or to who may see
it (`GEVOELIGE_ROLLEN`); another beheerder must do it. Ending one's own role is allowed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from .models import Gemeente, Rol, Roltoewijzing, User
from .selectors import beheerde_gemeenten

# Roles nobody may grant themselves (docs/privacy.md "Roles and the beheer"):
GEVOELIGE_ROLLEN: frozenset[str] = frozenset(
    {
        Rol.FUNCTIONEEL_BEHEERDER,  # manages accounts and roles: could grant anything after
        Rol.PRIVACYFUNCTIONARIS,  # reads and exports the whole access log
        Rol.GEBIEDSAANJAGER,  # breaks the glass to case data, sees refusals in the area
        Rol.PROCESREGISSEUR,  # sees which professionals work on cases, takes part in regie
        Rol.TAFELVOORZITTER,  # chairs the table where cases are brought in
        Rol.ONDERZOEKER,  # looks back at cases (ZET evaluation)
    }
)


def gemeenten_elders(beheerder: User, persoon: User) -> list[Gemeente]:
    """The municipalities where this person holds a role (now or later) that the beheerder
    does not manage: their say is needed for anything that touches the whole account."""
    if beheerder.is_superuser or persoon.pk is None:
        return []
    vandaag = timezone.localdate()
    lopend = persoon.rollen.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag)).values("gemeente_id")
    return list(Gemeente.objects.filter(pk__in=lopend).exclude(pk__in=beheerde_gemeenten(beheerder).values("pk")))


def weigering_account(gemeenten: Iterable[Gemeente]) -> str:
    namen = ", ".join(g.naam for g in gemeenten)
    return _(
        "Deze persoon heeft ook een rol in %(gemeenten)s. Het e-mailadres, de naam, het wachtwoord en "
        "of het account actief is gelden voor alle gemeenten; die kunt u daarom niet wijzigen. "
        "Beëindig de rollen in uw eigen gemeente (vul 'geldig tot en met' in, of verwijder de rol): dan vervalt de toegang hier, "
        "en nergens anders. Moet het hele account dicht, vraag het dan de beheerder van %(gemeenten)s."
    ) % {"gemeenten": namen}


def mag_account_wijzigen(beheerder: User, persoon: User) -> bool:
    return not gemeenten_elders(beheerder, persoon)


def controleer_eigen_rol(
    *, actor: User, persoon: User, rol: str, nieuw: bool, gewijzigd: Iterable[str] = (), oud_tot: Any = None, tot: Any = None
) -> None:
    """Refuse granting oneself a sensitive role, also by changing an own role into one or
    moving it elsewhere; only ending it (a 'valid until' that comes sooner) is one's own call."""
    if persoon.pk is None or persoon.pk != actor.pk or rol not in GEVOELIGE_ROLLEN:
        return
    gewijzigd = set(gewijzigd)
    if not nieuw and gewijzigd <= {"geldig_tot"} and tot is not None and (oud_tot is None or tot <= oud_tot):
        return  # ending one's own role
    if not nieuw and not gewijzigd:
        return
    raise ValidationError(
        _(
            "U kunt uzelf de rol %(rol)s niet geven: met die rol ziet u meer persoonsgegevens of bepaalt u wie ze ziet. "
            "Vraag een andere beheerder om deze rol toe te kennen."
        )
        % {"rol": Rol(rol).label},
        code="eigen_rol",
    )


def _beschrijving(toewijzing: Roltoewijzing) -> str:
    waar = toewijzing.gebied or toewijzing.organisatie or toewijzing.gemeente
    tot = toewijzing.geldig_tot.isoformat() if toewijzing.geldig_tot else "–"
    return f"gebruiker {toewijzing.user_id}: {toewijzing.rol} ({waar}), geldig {toewijzing.geldig_vanaf.isoformat()} t/m {tot}"


def log_rolwijziging(
    *, actor: User, toewijzing: Roltoewijzing, gebeurtenis: str, velden: Iterable[str] = (), request: HttpRequest | None = None
) -> None:
    """One row in the access log of the role's municipality: who changed whose role, what."""
    actie = {"rol.toegekend": Actie.CREATE, "rol.verwijderd": Actie.DELETE}.get(gebeurtenis, Actie.UPDATE)
    record(
        actor=actor,
        actie=actie,
        gebeurtenis=gebeurtenis,
        velden=velden,
        rol=Rol.FUNCTIONEEL_BEHEERDER if not actor.is_superuser else "platformbeheerder",
        onderwerp=Onderwerp(
            gemeente_id=toewijzing.gemeente_id, object_type="roltoewijzing", object_id=toewijzing.pk, gegevenssegment="rollen"
        ),
        grondslag=Grondslag(doel="beheer", grond_rol=True, reden=_beschrijving(toewijzing)),
        request=request,
    )


def gebeurtenis_voor(velden: Iterable[str], oud_tot: datetime.date | None, tot: datetime.date | None) -> str:
    if set(velden) == {"geldig_tot"} and tot is not None and (oud_tot is None or tot < oud_tot):
        return "rol.beeindigd"
    return "rol.gewijzigd"


def log_accountwijziging(
    *, actor: User, persoon: User, gebeurtenis: str, velden: Iterable[str] = (), request: HttpRequest | None = None
) -> None:
    """An account-wide change (active or not, password, e-mail, name), in the log of every
    municipality where the person holds a role: each privacy officer sees it."""
    gemeenten = list(persoon.rollen.values_list("gemeente_id", flat=True).distinct()) or [None]
    for gemeente_id in sorted(gemeenten, key=lambda g: g or 0):
        record(
            actor=actor,
            actie=Actie.UPDATE,
            gebeurtenis=gebeurtenis,
            velden=velden,
            rol=Rol.FUNCTIONEEL_BEHEERDER if not actor.is_superuser else "platformbeheerder",
            onderwerp=Onderwerp(
                gemeente_id=gemeente_id, object_type="gebruiker", object_id=persoon.pk, gegevenssegment="account"
            ),
            grondslag=Grondslag(doel="beheer", grond_rol=True),
            request=request,
        )
