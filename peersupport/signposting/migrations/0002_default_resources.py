from django.db import migrations

from peersupport.signposting.defaults import ensure_default_resources


def load_default_resources(apps, schema_editor):
    ensure_default_resources(apps.get_model("signposting", "CrisisResource"))


class Migration(migrations.Migration):
    dependencies = [("signposting", "0001_initial")]

    operations = [migrations.RunPython(load_default_resources, migrations.RunPython.noop)]
