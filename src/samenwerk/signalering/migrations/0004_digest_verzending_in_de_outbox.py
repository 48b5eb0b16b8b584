"""The daily e-mail is sent through the product's one outbox (`berichten`, ADR 0005): a
digest still unsent is queued there before the digest's own "sent" column goes."""

from django.db import migrations


def naar_de_outbox(apps, schema_editor):
    Digest = apps.get_model("signalering", "Digest")
    Bericht = apps.get_model("berichten", "Bericht")
    ContentType = apps.get_model("contenttypes", "ContentType")
    onverzonden = Digest.objects.filter(verzonden_op__isnull=True).select_related("ontvanger")
    if not onverzonden.exists():
        return
    digest_type, _ = ContentType.objects.get_or_create(app_label="signalering", model="digest")
    Bericht.objects.bulk_create(
        [
            Bericht(
                soort="signalering.digest",
                aan=d.ontvanger.email,
                onderwerp_type=digest_type,
                onderwerp_id=d.pk,
                aangemaakt_op=d.aangemaakt_op,
            )
            for d in onverzonden.iterator()
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("signalering", "0003_ontvanger_status_casus_index"),
        ("berichten", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(naar_de_outbox, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="digest", name="digest_onverzonden"),
        migrations.RemoveField(model_name="digest", name="verzonden_op"),
    ]
