from django.db import migrations

OLD_HELD_CRISIS = (
    "Thank you for writing this. It sounds like things are really hard right now. A "
    "moderator will read your post soon, before others see it. If you are in danger, "
    "please call 999 or one of the services listed with this message: they are free "
    "and there for you now."
)
# No number typed in: the help box on every page gives the reader's own emergency line,
# and "soon" was not true at night.
NEW_HELD_CRISIS = (
    "Thank you for writing this. It sounds like things are really hard right now. A "
    "moderator will read your post before others see it. If you are in danger, please "
    "use the emergency number in the help box on every page, or one of the services "
    "listed there: they are free and there for you now."
)


def prepare_for_time_aware_help(apps, schema_editor):
    """Every page now says when a moderator will next look, from the settings: their one
    row exists from the start, so reading a page never writes it. The held-crisis notice
    loses its typed 999 and its "soon", unless an admin has rewritten it."""
    apps.get_model("moderation", "ModerationSettings").objects.get_or_create(pk=1)
    apps.get_model("moderation", "MessageTemplate").objects.filter(
        key="held-crisis", body=OLD_HELD_CRISIS
    ).update(body=NEW_HELD_CRISIS)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0009_crisis_bursts_and_hashed_flag_sources")]

    operations = [migrations.RunPython(prepare_for_time_aware_help, migrations.RunPython.noop)]
