"""The hash column loses its unique index (and PostgreSQL's second `_like` index): nothing
looks a row up by its hash, and (chain, seq) is unique while the hash covers both, so the
index refused nothing more but cost two random-page writes per row on the busiest table.

SQLite cannot drop a unique constraint: Django rebuilds the table, which takes the
append-only triggers with it, so they are installed again (in both directions)."""

from django.db import migrations, models


def triggers_installeren(apps, schema_editor):
    from samenwerk.privacy import triggers

    triggers.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_append_only")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, triggers_installeren),
        migrations.AlterField(model_name="auditentry", name="hash", field=models.CharField(max_length=64)),
        migrations.RunPython(triggers_installeren, migrations.RunPython.noop),
    ]
