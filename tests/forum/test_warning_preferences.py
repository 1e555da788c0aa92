"""Each member chooses how posts with each kind of content warning are shown."""

import pytest

from tests.factories import BoardFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db

ALL_COLLAPSE = {
    "warning_self_harm": "collapse",
    "warning_suicide": "collapse",
    "warning_eating": "collapse",
    "warning_abuse": "collapse",
    "warning_other": "collapse",
}


@pytest.fixture
def thread():
    thread = make_thread(board=BoardFactory(), body="Opening words")
    make_reply(thread, body="hard words", content_warning="self-harm")
    return thread


def save_preferences(client, **choices):
    data = {"region": "uk", "bio": "", **ALL_COLLAPSE, **choices}
    return client.post("/settings/", data)


def test_visitors_and_new_members_get_collapsed_posts(client, member_client, thread):
    for viewer in (client, member_client):
        page = viewer.get(f"/threads/{thread.pk}/").content.decode()
        assert "<summary>Content warning: Self-harm" in page
        assert page.index("<details") < page.index("hard words")


def test_the_settings_form_saves_each_choice(member_client, member):
    response = save_preferences(member_client, warning_self_harm="hide", warning_abuse="show")
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.warning_preferences == {
        "self-harm": "hide",
        "suicide": "collapse",
        "eating": "collapse",
        "abuse": "show",
        "other": "collapse",
    }
    page = member_client.get("/settings/").content.decode()
    assert '<option value="hide" selected>' in page


def test_choices_left_out_mean_collapse(member_client, member):
    member_client.post("/settings/", {"region": "uk", "bio": ""})
    member.refresh_from_db()
    assert set(member.warning_preferences.values()) == {"collapse"}


def test_an_unknown_choice_is_refused(member_client, member):
    response = save_preferences(member_client, warning_eating="explode")
    assert "Select a valid choice" in response.content.decode()
    member.refresh_from_db()
    assert member.warning_preferences == {}


def test_show_opens_the_post_with_a_label(member_client, thread):
    save_preferences(member_client, warning_self_harm="show")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert '<p class="cw-label">Content warning: Self-harm</p>' in page
    assert '<div class="post-body"><p>hard words</p>' in page
    assert "<details" not in page[page.index("<main") : page.index("</main>")]


def test_hide_leaves_a_line_and_a_link_to_show_that_post(member_client, thread):
    other = make_reply(thread, body="other hard words", content_warning="self-harm")
    save_preferences(member_client, warning_self_harm="hide")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "hard words" not in page
    assert "A post with a content warning (Self-harm) is hidden by your settings" in page
    hidden = thread.posts.get(body="hard words")
    link = f'href="?show={hidden.pk}#post-{hidden.pk}"'
    assert link in page

    revealed = member_client.get(f"/threads/{thread.pk}/?show={hidden.pk}").content.decode()
    assert '<div class="post-body"><p>hard words</p>' in revealed
    assert "other hard words" not in revealed
    assert f'href="?show={other.pk}#post-{other.pk}"' in revealed


def test_hide_applies_only_to_the_chosen_warning(member_client, thread):
    make_reply(thread, body="about food", content_warning="eating")
    save_preferences(member_client, warning_self_harm="hide")
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "<summary>Content warning: Eating difficulties" in page


def test_quiet_mode_from_settings_hides_reply_counts(member_client, member):
    thread = make_thread(board=BoardFactory(), title="Counting")
    make_reply(thread)
    assert "1 reply" in member_client.get("/").content.decode()
    save_preferences(member_client, quiet_mode="on")
    member.refresh_from_db()
    assert member.quiet_mode
    assert "1 reply" not in member_client.get("/").content.decode()
