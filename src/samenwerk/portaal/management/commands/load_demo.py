"""Load the fictional demo municipality (idempotent). Each app adds its own loader to
settings.DEMO_LOADERS; they share one DemoContext so later data can build on earlier."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from samenwerk.accounts.demo import demo_secret
from samenwerk.gemeenten.demo import DemoContext

# What each persona tries first: where the demo data shows that role's work.
EERST: dict[str, str] = {
    "professional@lindenhoven.example": "Mijn casussen → Sevda Aydın: het plan, het gehouden overleg en de afspraken",
    "professional2@lindenhoven.example": "Signaleringen: een afspraak die over tijd is bij Wim Postma",
    "professional3@lindenhoven.example": "Mijn casussen → Ruud Brinkman: een plan met twee evaluatierondes",
    "professional4@lindenhoven.example": "Mijn casussen → Casus aanmelden: een nieuwe inwoner aanmelden",
    "procesregisseur@lindenhoven.example": "Mijn casussen → Wim Postma: de samenwerking zien, zonder de inwoner",
    "aanjager@lindenhoven.example": "Weigeringen: een genodigde komt niet naar het overleg van Henk Scholten",
    "aanjager2@lindenhoven.example": "Aandacht per gebied: een casus zonder casusregisseur in Lindenhoven-Centrum",
    "manager@lindenhoven.example": "Maatschappelijk rendement: de cijfers van de gemeente met grafieken",
    "bestuurder@lindenhoven.example": "Maatschappelijk rendement: de cijfers van de gemeente met grafieken",
    "tafelvoorzitter@lindenhoven.example": "De Tafel → de volgende bijeenkomst: de agenda en de voorzittersweergave",
    "onderzoeker@lindenhoven.example": "ZET-evaluaties → ZET voorjaar: drie casussen, interviews, dossierstudie, rapport",
    "onderzoeker2@lindenhoven.example": "ZET-evaluaties → ZET voorjaar → Casus A: de aantekeningen als tweede persoon",
    "beheerder@lindenhoven.example": "Start → Inrichting: mensen en rollen, organisaties, normen en prijslijsten",
    "privacy@lindenhoven.example": "Toegangslog: wie heeft het dossier van Sevda Aydın ingezien",
    "professional@bergwijde.example": "Mijn casussen: leeg, want niets uit Lindenhoven komt in Bergwijde",
    "ervaringstrainer@lindenhoven.example": "Leren → Leergang Samenwerkwijze: aanwezigheid en opdrachten beoordelen",
}
# The course's participants (leertraject demo): all start at their own course page.
EERST |= {
    f"cursist{n}@lindenhoven.example": "Leren → Leergang Samenwerkwijze: je opdrachten, je maatje en je certificaat"
    for n in range(1, 11)
}


class Command(BaseCommand):
    help = "Laadt de fictieve demogemeente Lindenhoven en toont de demo-logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Toon de logins niet.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("De demo wordt niet geladen in productie (DJANGO_ENV=production).")
        ctx = DemoContext()
        with transaction.atomic():
            for dotted in settings.DEMO_LOADERS:
                import_string(dotted)(ctx)
        if options["quiet_logins"]:
            return
        site = settings.SITE_URL
        self.stdout.write(self.style.SUCCESS(f"Demogemeente Lindenhoven is geladen. Open {site}/ en log in met:"))
        breedte = max(len(e) for e, _n, _r in ctx.logins)
        for email, naam, rollen in ctx.logins:
            self.stdout.write(f"  {email.ljust(breedte)}  {naam} – {rollen}")
            if email in EERST:
                self.stdout.write(f"  {'':{breedte}}  probeer eerst: {EERST[email]}")
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {settings.DEMO_PASSWORD}")
        self.stdout.write(
            "Daarna vraagt het platform een code: toon die met '.venv/bin/python manage.py demo_code <e-mailadres>', "
            f"of zet de demosleutel {demo_secret()} in een authenticator-app."
        )
        for melding in ctx.meldingen:
            self.stdout.write(melding.replace("{site}", site))
