import pytest

from peersupport.signposting.models import CrisisResource, GuidePage
from tests.signposting.helpers import edit_in_admin


@pytest.mark.parametrize(
    ("url", "must_say"),
    [
        ("/guidelines/", ["not a crisis service", "116 123", "flag", "method", "calories"]),
        ("/professionals/", ["moderat", "safeguarding", "lurking", "unalive"]),
    ],
)
def test_guide_pages_are_public_and_say_what_matters(client, db, url, must_say):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode().lower()
    for words in must_say:
        assert words.lower() in content


def test_an_admin_edits_a_guide_page_without_a_deploy(admin_client, db):
    page = GuidePage.objects.get(slug="guidelines")
    response = admin_client.post(
        f"/admin/signposting/guidepage/{page.pk}/change/",
        {
            "title": "House rules",
            "summary": page.summary,
            "body": "## Be gentle\n\nA *new* rule. <script>alert(1)</script>",
        },
    )
    assert response.status_code == 302
    content = admin_client.get("/guidelines/").content.decode()
    assert "House rules" in content
    assert "<h2>Be gentle</h2>" in content
    assert "<em>new</em>" in content
    assert "<script>alert" not in content


def _main(response):
    content = response.content.decode()
    return content[content.index("<main") : content.index("</main>")]


@pytest.mark.parametrize("url", ["/guidelines/", "/professionals/"])
def test_guide_pages_list_the_services_the_crisis_box_lists(client, db, url):
    main = _main(client.get(url))
    for resource in CrisisResource.objects.for_region("uk"):
        assert resource.name in main or resource.is_emergency, resource.name
        if resource.phone:
            assert f'href="{resource.tel_href}"' in main, resource.name


def test_an_admin_edit_of_a_service_shows_on_the_guide_pages(client, admin_user, db):
    for url in ["/guidelines/", "/professionals/"]:  # warm the caches with the old number
        assert "116 123" in _main(client.get(url))
    samaritans = CrisisResource.objects.get(region="uk", name="Samaritans")
    edit_in_admin(client, admin_user, samaritans, phone="116 999")

    for url in ["/guidelines/", "/professionals/"]:
        main = _main(client.get(url))
        assert "Call 116 999" in main, url
        assert 'href="tel:116999"' in main, url
        assert "116 123" not in main, url


def test_guide_pages_follow_the_readers_region(client, db):
    client.post("/help/region/", {"region": "us", "next": "/"})
    main = _main(client.get("/guidelines/"))
    assert "988 Suicide &amp; Crisis Lifeline" in main
    assert "Samaritans" not in main


def test_the_shipped_guide_texts_type_no_crisis_numbers(db):
    numbers = {
        number
        for resource in CrisisResource.objects.all()
        for number in (resource.phone, resource.sms_number)
        if number
    }
    for page in GuidePage.objects.all():
        typed = [number for number in numbers if number in page.body]
        assert not typed, (page.slug, typed)
        assert "[[crisis-services]]" in page.body, page.slug
