from django.db import migrations

from peersupport.signposting.defaults import DEFAULT_RESOURCES, VERIFIED


def load_default_resources(apps, schema_editor):
    CrisisResource = apps.get_model("signposting", "CrisisResource")
    for fields in DEFAULT_RESOURCES:
        CrisisResource.objects.get_or_create(
            region=fields["region"],
            name=fields["name"],
            defaults={**fields, "last_verified": VERIFIED},
        )


class Migration(migrations.Migration):
    dependencies = [("signposting", "0001_initial")]

    operations = [migrations.RunPython(load_default_resources, migrations.RunPython.noop)]
