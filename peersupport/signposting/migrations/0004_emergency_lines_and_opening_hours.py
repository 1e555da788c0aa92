from django.db import migrations, models

ALWAYS = "24 hours, every day"
# The shipped emergency entries, by region, with the words that follow each number.
EMERGENCY = {"uk": "or go to A&E", "ireland": "or 999", "us": ""}
OLD_UK_EMERGENCY = "If your life or someone else's is at risk right now, call 999 or go to A&E."
NEW_UK_EMERGENCY = "If your life or someone else's is at risk right now."

# The crisis numbers the shipped guide pages typed out, now listed from the directory.
TYPED_LISTS = {
    "guidelines": (
        "- **999 or A&E** — if a life is at risk, call 999 or go to your nearest A&E.\n"
        "- **Samaritans** — call 116 123. It's free and open 24/7.\n"
        "- **Shout** — text SHOUT to 85258, any time.\n"
        "- **Childline** — call 0800 1111 if you are under 19, any time.\n"
        "- **Papyrus HOPELINE247** — call 0800 068 4141, any time.\n"
        "- **NHS 111** — call 111 and choose the mental health option.\n"
    ),
    "professionals": (
        "- **Emergency:** call 999 or go to A&E, 24/7, if a life is at risk.\n"
        "- **NHS 111:** choose the mental health option, 24/7, any age (England). In "
        "Wales, call 111 and press 2. In Scotland, call NHS 24 on 111.\n"
        "- **Samaritans:** 116 123, free, 24/7, or email "
        "[jo@samaritans.org](mailto:jo@samaritans.org).\n"
        "- **Shout:** text SHOUT to 85258, 24/7.\n"
        "- **Childline:** 0800 1111, 24/7, for under 19s, with 1-2-1 chat at "
        "[childline.org.uk](https://www.childline.org.uk).\n"
        "- **Papyrus HOPELINE247:** 0800 068 4141, 24/7, for under 35s with thoughts of "
        "suicide, or anyone worried about a young person.\n"
    ),
}


def mark_the_directory(apps, schema_editor):
    """Flag the shipped emergency lines and 24-hour services, and put the directory in
    place of the guide pages' typed numbers. Text an admin has changed is left alone."""
    CrisisResource = apps.get_model("signposting", "CrisisResource")
    GuidePage = apps.get_model("signposting", "GuidePage")
    CrisisResource.objects.filter(hours=ALWAYS).update(always_open=True)
    for region, after_number in EMERGENCY.items():
        CrisisResource.objects.filter(region=region, name="Emergency services").update(
            is_emergency=True, after_number=after_number
        )
    CrisisResource.objects.filter(
        region="uk", name="Emergency services", description=OLD_UK_EMERGENCY
    ).update(description=NEW_UK_EMERGENCY)
    for page in GuidePage.objects.filter(slug__in=TYPED_LISTS):
        typed = TYPED_LISTS[page.slug]
        if typed in page.body:
            page.body = page.body.replace(typed, "[[crisis-services]]\n")
            page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("signposting", "0003_guide_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="crisisresource",
            name="after_number",
            field=models.CharField(
                blank=True,
                help_text='Emergency lines only: words after the number, for example "or go to A&E".',
                max_length=60,
            ),
        ),
        migrations.AddField(
            model_name="crisisresource",
            name="always_open",
            field=models.BooleanField(
                default=False,
                help_text="Answers at any hour of any day. Only these are offered as someone who can talk right now.",
                verbose_name="always open",
            ),
        ),
        migrations.AddField(
            model_name="crisisresource",
            name="is_emergency",
            field=models.BooleanField(
                default=False,
                help_text='The number to call when a life is at risk (999, 112, 911). Every page\'s "if your life is in danger" line uses the first active one for the region.',
                verbose_name="emergency line",
            ),
        ),
        migrations.AlterField(
            model_name="crisisresource",
            name="order",
            field=models.PositiveSmallIntegerField(
                default=100,
                help_text="Lower comes first. The first two marked always open lead the crisis box, the second reached another way (a text if the first is a call).",
            ),
        ),
        migrations.AlterField(
            model_name="guidepage",
            name="body",
            field=models.TextField(
                help_text="Markdown. No raw HTML or images. A line holding only [[crisis-services]] lists the crisis services for the reader's region, as the crisis box does."
            ),
        ),
        migrations.RunPython(mark_the_directory, migrations.RunPython.noop),
    ]
