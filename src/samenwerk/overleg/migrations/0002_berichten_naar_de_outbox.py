"""The meeting's outbox moves into the product's one outbox (`berichten`, ADR 0005): every
row is copied with its state, then the old table goes."""

from django.db import migrations

MAX_POGINGEN = 12


def kopieer(apps, schema_editor):
    OudBericht = apps.get_model("overleg", "Bericht")
    Bericht = apps.get_model("berichten", "Bericht")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not OudBericht.objects.exists():
        return
    deelnemer_type, _ = ContentType.objects.get_or_create(app_label="overleg", model="deelnemer")
    nieuw = []
    for oud in OudBericht.objects.select_related("overleg").order_by("pk").iterator():
        if oud.verzonden_op is not None:
            status = "verzonden"
        elif oud.pogingen >= MAX_POGINGEN:
            status = "vervallen" if oud.laatste_fout.startswith("vervallen") else "mislukt"
        else:
            status = "klaargezet"
        nieuw.append(
            Bericht(
                soort=f"overleg.{oud.soort}",
                aan=oud.aan,
                gemeente_id=oud.overleg.gemeente_id,
                onderwerp_type=deelnemer_type if oud.deelnemer_id else None,
                onderwerp_id=oud.deelnemer_id,
                gegevens={"volgnummer": oud.volgnummer},
                status=status,
                aangemaakt_op=oud.aangemaakt_op,
                verzonden_op=oud.verzonden_op,
                pogingen=oud.pogingen,
                laatste_fout=oud.laatste_fout,
            )
        )
    Bericht.objects.bulk_create(nieuw, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("overleg", "0001_initial"),
        ("berichten", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(kopieer, migrations.RunPython.noop),
        migrations.DeleteModel(name="Bericht"),
    ]
