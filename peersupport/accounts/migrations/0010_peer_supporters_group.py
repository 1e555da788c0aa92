from django.db import migrations

PEER_SUPPORTERS = "Peer supporters"


def create_peer_supporters_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PEER_SUPPORTERS)


def remove_peer_supporters_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PEER_SUPPORTERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_user_low_stimulation_and_break_until"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_peer_supporters_group, remove_peer_supporters_group)]
