"""The access log becomes append-only: database triggers refuse UPDATE and DELETE."""

from django.db import migrations


def install(apps, schema_editor):
    from samenwerk.privacy import triggers

    triggers.install(schema_editor.connection)


def remove(apps, schema_editor):
    from samenwerk.privacy import triggers

    triggers.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_toegangslog")]

    operations = [migrations.RunPython(install, remove)]
