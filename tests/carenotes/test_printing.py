"""The page to print and its PDF: the notes and saved posts, what Peer Support is, and
the guide's meanings of the online words the notes use, and nothing else."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from peersupport.carenotes.guide import from_professionals_guide, glossary_entries, sections
from peersupport.carenotes.models import SavedQuote
from peersupport.carenotes.services import write_note
from peersupport.signposting.models import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(member):
    write_note(
        member=member,
        what_happened="Someone wrote KYS under my post and it felt like a pile-on",
        how_it_affected_me="I could not sleep",
    )
    SavedQuote.objects.create(
        member=member,
        text="honestly no cap you are the problem",
        comment="This is what they said",
        written_at="2026-03-04T10:00:00Z",
    )


def test_the_notes_page_offers_the_page_to_print(member_client, notes):
    content = member_client.get("/settings/care-team/").content.decode()
    assert 'href="/settings/care-team/print/"' in content


def test_the_page_holds_the_notes_the_explainer_and_the_words_used(member_client, notes):
    content = member_client.get("/settings/care-team/print/").content.decode()
    assert "Someone wrote KYS under my post" in content
    assert "I could not sleep" in content
    assert "honestly no cap you are the problem" in content
    assert "This is what they said" in content
    # What Peer Support is, from the guide for professionals.
    assert "It is not therapy." in content
    # The glossary: the words the notes use, and only those.
    assert "<dt>KMS / KYS</dt>" in content
    assert "<dt>pile-on</dt>" in content
    assert "<dt>cap / no cap</dt>" in content
    assert "<dt>finsta</dt>" not in content and "<dt>rizz</dt>" not in content
    # Where to get help stays on the paper; the menus and buttons are left off it.
    assert 'class="printable-help"' in content
    assert 'href="tel:' in content.split('class="printable-help"')[1].split("</p>")[0]
    assert 'class="no-print print-intro"' in content


def test_the_print_stylesheet_leaves_off_menus_buttons_and_the_quick_exit():
    css = Path(finders.find("css/theme.css")).read_text(encoding="utf-8")
    print_rules = css.split("@media print {")[1].split("\n}\n")[0]
    for selector in (".quick-exit-bar", ".site-header", ".crisis-support", ".no-print", "button"):
        assert selector in print_rules


def test_glossary_words_match_whole_words_and_plurals():
    guide = from_professionals_guide()
    assert guide.glossary, "the shipped guide has a glossary"
    used = {entry.term for entry in guide.terms_used_in(["my streaks", "a modest idea"])}
    assert "streaks" in used
    assert "mod" not in used  # "modest" is not "mod"


def test_the_glossary_follows_the_guide_as_admins_edit_it(member_client, notes):
    guide = GuidePage.objects.get(slug="professionals")
    guide.body = (
        "## What Peer Support is\n\nA small forum.\n\n"
        "## Glossary\n\n- **pile-on** — Many people at one person.\n"
    )
    guide.save()
    content = member_client.get("/settings/care-team/print/").content.decode()
    assert "A small forum." in content
    assert "<dt>pile-on</dt><dd>Many people at one person.</dd>" in content
    assert "<dt>KMS / KYS</dt>" not in content


def test_without_a_guide_the_page_still_prints(member_client, notes):
    GuidePage.objects.filter(slug="professionals").delete()
    content = member_client.get("/settings/care-team/print/").content.decode()
    assert "I could not sleep" in content
    assert "What Peer Support is" not in content


def test_reading_the_guides_sections():
    found = sections("Intro\n## One\nA\n## Two words\nB\n- **x / y** — a *z*.\n")
    assert found == {"one": "A", "two words": "B\n- **x / y** — a *z*."}
    entries = glossary_entries(found["two words"])
    assert [(entry.term, entry.meaning) for entry in entries] == [("x / y", "a *z*.")]


def test_the_pdf_is_a_dated_download_that_loads_nothing(member_client, notes):
    assert member_client.get("/settings/care-team/print/pdf/").status_code == 405
    response = member_client.post("/settings/care-team/print/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith('attachment; filename="peer-support-notes-')
    assert "no-store" in response["Cache-Control"]
