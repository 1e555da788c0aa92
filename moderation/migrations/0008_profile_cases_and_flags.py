"""A case or a flag can be about a member's profile (their bio) instead of a post, and
the kind words members receive about their bio and about a profile they flagged."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Admins can change every one (moderation.notices composes them).
TEMPLATES = [
    (
        "bio-held-crisis",
        "Thank you for telling us",
        "Thank you for writing this. It sounds like things are really hard right now. A "
        "moderator will read your bio soon, before others see it. If you are in danger, "
        "please call 999 or one of the services listed with this message: they are free "
        "and there for you now.",
    ),
    (
        "bio-approve",
        "Your bio is now showing",
        "A moderator has read your bio and it is now showing on your profile.",
    ),
    (
        "bio-hide",
        "A moderator has taken your bio off your profile",
        "A moderator has taken your bio off your profile. The reason: {reason}. Nothing is "
        "lost: the moderators keep what you wrote, you can write a new bio in your settings, "
        "and you can ask for this to be looked at again.",
    ),
    (
        "profile-flag-outcome",
        "Thank you for letting us know",
        "Thank you for flagging a profile. A moderator has looked at it and taken the action "
        "they thought right.",
    ),
]


def load_templates(apps, schema_editor):
    MessageTemplate = apps.get_model("moderation", "MessageTemplate")
    for key, title, body in TEMPLATES:
        MessageTemplate.objects.get_or_create(key=key, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0008_indexes_for_long_threads_and_notifications"),
        ("moderation", "0007_watched_phrase_concepts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="member",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="profile_cases",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="flag",
            name="member",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="profile_flags",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="post",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="cases",
                to="forum.post",
            ),
        ),
        migrations.AlterField(
            model_name="flag",
            name="post",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="flags",
                to="forum.post",
            ),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "open")),
                fields=("member",),
                name="one_open_case_per_profile",
            ),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("post__isnull", True), ("member__isnull", True), _connector="OR"
                ),
                name="case_about_a_post_or_a_profile",
            ),
        ),
        migrations.AddConstraint(
            model_name="flag",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_open", True)),
                fields=("member", "flagger"),
                name="one_open_profile_flag_each",
            ),
        ),
        migrations.AddConstraint(
            model_name="flag",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("post__isnull", True), ("member__isnull", True), _connector="OR"
                ),
                name="flag_on_a_post_or_a_profile",
            ),
        ),
        migrations.RunPython(load_templates, migrations.RunPython.noop),
    ]
