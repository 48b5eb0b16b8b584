"""What the upper steps hook into elsewhere, from LerenConfig.ready: their e-mail kinds in
the outbox, and regie's escalation to management or board (regie sits below leren and
never imports it: it calls the hooks in `regie.services.NA_ESCALATIE`)."""

from __future__ import annotations


def registreer() -> None:
    from samenwerk.regie import services as regie

    from . import mail, services

    mail.registreer_soorten()
    if services.dilemma_uit_escalatie not in regie.NA_ESCALATIE:
        regie.NA_ESCALATIE.append(services.dilemma_uit_escalatie)


def zet_dilemma(*, verbeterpunt, door) -> str:  # type: ignore[no-untyped-def]
    """settings.ZET_DILEMMA_HOOK: a ZET improvement point's follow-up goes to the netwerkoverleg
    as a dilemma (zet checked the permission); returns the dilemma's page."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from . import services

    dilemma = services.dilemma_uit_zet(
        verbeterpunt.gemeente,
        door,
        _("Verbeterpunt uit ZET: %(tekst)s") % {"tekst": verbeterpunt.tekst[:150]},
        _("Dat dit verbeterpunt uit de ZET-evaluatie wordt opgevolgd."),
        _("Het verbeterpunt benoemen en de rode draden laten zien die het onderbouwen."),
        _("Een besluit van het netwerkoverleg over wie het oppakt en wanneer."),
    )
    return reverse("leren:dilemma-detail", args=[dilemma.pk])
