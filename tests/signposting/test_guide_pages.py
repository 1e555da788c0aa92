import pytest

from peersupport.signposting.models import GuidePage


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
