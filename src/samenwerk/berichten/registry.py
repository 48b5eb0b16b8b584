"""Which kinds of e-mail exist and how each is written (ADR 0005). An app registers its
kinds in its `AppConfig.ready()`:

    from samenwerk.berichten.registry import registreer
    registreer("tafel.agenda", _("Agenda van de tafel"), opstellen=mail.agenda)

`opstellen(bericht)` returns the `EmailMessage` to send, or None when the message is no
longer needed (the meeting was cancelled, the link was replaced): it is then marked
"vervallen" and not sent. `verzonden(bericht)`, optional, runs after a successful send
(e.g. to note it on the case's timeline)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.mail import EmailMessage

if TYPE_CHECKING:
    from .models import Bericht


@dataclass(frozen=True)
class Soort:
    code: str
    label: Any  # a lazy translation
    opstellen: Callable[[Bericht], EmailMessage | None]
    verzonden: Callable[[Bericht], None] | None = None


SOORTEN: dict[str, Soort] = {}


def registreer(
    code: str,
    label: Any,
    *,
    opstellen: Callable[[Bericht], EmailMessage | None],
    verzonden: Callable[[Bericht], None] | None = None,
) -> None:
    """Codes are "<app>.<kind>" so two apps never collide; registering one twice is an error."""
    if "." not in code:
        raise ValueError(f"Berichtsoort {code!r}: gebruik '<app>.<soort>'.")
    if code in SOORTEN and SOORTEN[code].opstellen is not opstellen:
        raise ValueError(f"Berichtsoort {code!r} is al geregistreerd.")
    SOORTEN[code] = Soort(code, label, opstellen, verzonden)


def soort(code: str) -> Soort:
    try:
        return SOORTEN[code]
    except KeyError:
        raise LookupError(f"Onbekende berichtsoort {code!r}: registreer hem in AppConfig.ready().") from None


def label_van(code: str) -> str:
    gevonden = SOORTEN.get(code)
    return str(gevonden.label) if gevonden else code
