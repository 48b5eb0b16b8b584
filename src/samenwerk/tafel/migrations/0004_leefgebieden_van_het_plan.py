"""Data migration (issue 23): the Tafel named its own ten life domains; it now uses the
plan's five (plannen.models.Leefgebied). Stored codes of registrations and of members'
expertise are mapped onto the plan's, in the plan's order, without duplicates."""

from django.db import migrations

NAAR_PLAN = {
    "wonen": "wonen",
    "financien": "financien",
    "werk": "meedoen",
    "gezondheid": "gezondheid",
    "psychisch": "gezondheid",
    "verslaving": "gezondheid",
    "netwerk": "meedoen",
    "opvoeding": "dagelijks_leven",
    "veiligheid": "dagelijks_leven",
    "zelfzorg": "dagelijks_leven",
}
VOLGORDE = ["gezondheid", "dagelijks_leven", "financien", "wonen", "meedoen"]
TERUG = {"gezondheid": "gezondheid", "dagelijks_leven": "zelfzorg", "financien": "financien", "wonen": "wonen", "meedoen": "netwerk"}


def omzetten(codes, tabel, volgorde):
    nieuw = {tabel[c] for c in codes if c in tabel}
    return [c for c in volgorde if c in nieuw]


def naar_plan(apps, schema_editor):
    for model in ("Aanmelding", "Tafellid"):
        Model = apps.get_model("tafel", model)
        for rij in Model.objects.only("pk", "leefgebieden").iterator():
            nieuw = omzetten(rij.leefgebieden or [], NAAR_PLAN, VOLGORDE)
            if nieuw != rij.leefgebieden:
                Model.objects.filter(pk=rij.pk).update(leefgebieden=nieuw)


def terug(apps, schema_editor):
    oud = list(NAAR_PLAN)
    for model in ("Aanmelding", "Tafellid"):
        Model = apps.get_model("tafel", model)
        for rij in Model.objects.only("pk", "leefgebieden").iterator():
            Model.objects.filter(pk=rij.pk).update(leefgebieden=omzetten(rij.leefgebieden or [], TERUG, oud))


class Migration(migrations.Migration):
    dependencies = [("tafel", "0003_budget_en_werkwijze")]

    operations = [migrations.RunPython(naar_plan, terug)]
