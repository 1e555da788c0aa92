from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The database cache backs allauth's rate limits when Redis is not configured, so
    # `migrate` alone leaves a working site. A no-op for any other cache backend.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_role_groups")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
