"""The guide for professionals gains a section on the features made for the young people
clinicians see (the welcome, circles, low stimulation and breaks, peer supporters, notes
for a care team, the transparency page). A fresh database has it already (0003 reads the
guide's text file); an existing page, which admins may have edited, gets the section
added before its glossary, or at the end, and is otherwise left as it is."""

import re
from pathlib import Path

from django.db import migrations

TEXT = Path(__file__).resolve().parent.parent / "guide_texts" / "professionals.md"
HEADING = "## Features made for the young people you see"


def section():
    text = TEXT.read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(HEADING)}\n.*?(?=^## )", text, re.M | re.S).group(0)


def add_section(apps, schema_editor):
    GuidePage = apps.get_model("signposting", "GuidePage")
    page = GuidePage.objects.filter(slug="professionals").first()
    if page is None or HEADING in page.body:
        return
    glossary = page.body.find("## Glossary")
    if glossary == -1:
        page.body = f"{page.body.rstrip()}\n\n{section()}"
    else:
        page.body = page.body[:glossary] + section() + page.body[glossary:]
    page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("signposting", "0004_emergency_lines_and_opening_hours")]

    operations = [migrations.RunPython(add_section, migrations.RunPython.noop)]
