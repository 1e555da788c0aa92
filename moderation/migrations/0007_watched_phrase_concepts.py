"""Watched phrases can add words to the concepts of the rules, and the default crisis and
concern phrases step aside for the rules (moderation.risk), which read the same meanings
from parts with negation, the past, someone else and quoting taken into account. They
are switched off, not deleted: an admin can switch any of them back on."""

import importlib

from django.db import migrations, models

import moderation.models.screening

DEFAULTS = importlib.import_module("moderation.migrations.0004_default_watched_phrases")
# The rules read telling someone to harm themselves, and know when it is quoted.
RULE_READS_TOO = ["kill yourself"]


def _defaults_the_rules_read():
    phrases = [phrase for phrase, _exceptions in DEFAULTS.CRISIS]
    phrases += [phrase for phrase, *_ in DEFAULTS.CONCERN]
    return phrases


def switch_off(apps, schema_editor):
    WatchedPhrase = apps.get_model("moderation", "WatchedPhrase")
    WatchedPhrase.objects.filter(
        level__in=["crisis", "concern"], phrase__in=_defaults_the_rules_read()
    ).update(is_active=False)
    WatchedPhrase.objects.filter(level="blocked", phrase__in=RULE_READS_TOO).update(is_active=False)


def switch_on(apps, schema_editor):
    WatchedPhrase = apps.get_model("moderation", "WatchedPhrase")
    WatchedPhrase.objects.filter(
        level__in=["crisis", "concern"], phrase__in=_defaults_the_rules_read()
    ).update(is_active=True)
    WatchedPhrase.objects.filter(level="blocked", phrase__in=RULE_READS_TOO).update(is_active=True)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0006_case_screening_verdict"),
    ]

    operations = [
        migrations.AddField(
            model_name="watchedphrase",
            name="concept",
            field=models.CharField(
                blank=True,
                choices=moderation.models.screening.concept_choices,
                help_text=(
                    "Leave empty for a phrase matched as it is. Choose a concept to add the "
                    "phrase as a word the rules read as that concept (its level is then the "
                    "rules')."
                ),
                max_length=40,
            ),
        ),
        migrations.AlterField(
            model_name="watchedphrase",
            name="level",
            field=models.CharField(
                blank=True,
                help_text="What a match means. Not needed for a concept word.",
                choices=[
                    ("crisis", "Crisis: current intent or danger (held, top priority)"),
                    ("concern", "Concern: distress or self-harm references (published, reviewed)"),
                    ("blocked", "Blocked: slurs or spam (refused with a reason)"),
                    ("bullying", "Bullying received (published, reviewed)"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(switch_off, switch_on),
    ]
