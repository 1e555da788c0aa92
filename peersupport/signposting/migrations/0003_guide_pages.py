from pathlib import Path

from django.db import migrations

TEXTS = Path(__file__).resolve().parent.parent / "guide_texts"

PAGES = [
    (
        "guidelines",
        "Community guidelines",
        "How we look after each other here, in plain words.",
    ),
    (
        "professionals",
        "For professionals",
        "For clinicians and youth workers: what this service is, how it keeps young "
        "people safe, and the words young people use online.",
    ),
]


def load_guide_pages(apps, schema_editor):
    GuidePage = apps.get_model("signposting", "GuidePage")
    for slug, title, summary in PAGES:
        GuidePage.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": (TEXTS / f"{slug}.md").read_text(encoding="utf-8"),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("signposting", "0002_default_resources")]

    operations = [migrations.RunPython(load_guide_pages, migrations.RunPython.noop)]
