"""Odd input in an address (a superscript digit, a page number past what the database
counts to, a NUL byte in a pseudonym) or a reply nested past what a post's path can
hold must not end in a server error: pages ignore what is not a number they can use,
an impossible pseudonym is "not found", and a reply that deep is kept, one level up."""

import pytest
from django.urls import reverse

from forum.models import PATH_SEGMENT_WIDTH, Post
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread
from tests.security.walker import all_routes, url_for

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["²", "٣", "9" * 30, "-9" + "9" * 30, "1e400", "\x00", "NaN"]
# Every query parameter a page reads.
QUERY_PARAMETERS = [
    "page",
    "show",
    "recent",
    "unanswered",
    "q",
    "priority",
    "reason",
    "board",
    "mine",
    "action",
    "actor",
    "member",
    "date_from",
    "date_to",
]
PAGES = [
    route
    for route in all_routes()
    if route.name and not route.name.startswith(("admin:", "account_", "mfa_", "usersessions_"))
]


@pytest.fixture
def moderator_client(client, world):
    client.force_login(world["moderator"])
    return client


@pytest.mark.parametrize("odd", ODD_NUMBERS, ids=ascii)
def test_odd_query_values_are_ignored_on_every_page(moderator_client, world, odd):
    query = dict.fromkeys(QUERY_PARAMETERS, odd)
    for route in PAGES:
        response = moderator_client.get(url_for(route, world), query)
        assert response.status_code < 500, (route, response.status_code)


@pytest.mark.parametrize("odd", ["²", "9" * 30, "-1", "\x00"], ids=ascii)
@pytest.mark.parametrize("parameter", ["show", "page"])
def test_a_thread_page_shows_its_posts_whatever_the_query(reader_client, world, odd, parameter):
    response = reader_client.get(f"/threads/{world['thread'].pk}/", {parameter: odd})
    assert response.status_code == 200
    assert f'id="post-{world["post"].pk}"' in response.content.decode()


@pytest.mark.parametrize("parameter", ["recent", "unanswered"])
def test_the_home_page_beyond_any_page_number_shows_its_last_page(reader_client, world, parameter):
    response = reader_client.get("/", {parameter: "9" * 30})
    assert response.status_code == 200
    assert "A hard week" in response.content.decode()


PSEUDONYM_ROUTES = [route for route in all_routes() if "username" in route.params]


# As typed into the address bar: a NUL byte alone, inside a name, and "%00" itself.
@pytest.mark.parametrize("pseudonym", ["%00", "Writer%00Wren", "%2500"])
def test_a_pseudonym_no_one_can_have_is_not_found(moderator_client, world, pseudonym):
    assert {route.name for route in PSEUDONYM_ROUTES} >= {
        "accounts:profile",
        "forum:mute_member",
        "forum:unmute_member",
        "moderation:member",
    }
    for route in PSEUDONYM_ROUTES:
        url = reverse(route.name, kwargs={"username": "StandIn"}).replace("StandIn", pseudonym)
        for method in (moderator_client.get, moderator_client.post):
            response = method(url)
            assert response.status_code in (404, 405), (route.name, response.status_code)


def deepest_reply(thread, levels):
    parent = thread.opening_post
    for _ in range(levels):
        parent = make_reply(thread, parent=parent, body="Further down")
    return parent


def test_a_reply_past_the_deepest_level_is_kept_with_the_post_it_answers(client):
    thread = make_thread(board=BoardFactory(slug="talk"))
    path_length = Post._meta.get_field("path").max_length
    bottom = deepest_reply(thread, levels=path_length // (PATH_SEGMENT_WIDTH + 1))
    writer = UserFactory(username="DeepDiver")
    client.force_login(writer)
    response = client.post(f"/posts/{bottom.pk}/reply/", {"body": "Words that must not be lost"})
    assert response.status_code == 302
    reply = Post.objects.get(body="Words that must not be lost")
    assert reply.parent_id == bottom.pk
    assert len(reply.path) <= path_length
    # It answers the deepest post and sits straight after it, "replying to" its writer.
    page = client.get(response["Location"]).content.decode()
    assert f'id="post-{reply.pk}"' in page
    assert f"replying to {bottom.author.username}" in page
    in_order = list(thread.posts.order_by("path").values_list("pk", flat=True))
    assert in_order[-2:] == [bottom.pk, reply.pk]
    # And an answer to that one is kept the same way.
    answer = make_reply(thread, parent=reply, body="And an answer")
    assert answer.parent_id == reply.pk
    assert thread.posts.order_by("path").last() == answer


@pytest.mark.parametrize("odd", ["²", "help", "9" * 30])
def test_a_next_address_that_is_not_a_path_goes_to_the_usual_page(client, world, odd):
    response = client.post("/help/region/", {"region": "scotland", "next": odd})
    assert (response.status_code, response["Location"]) == (302, "/help/")
    client.force_login(world["member"])
    response = client.post(f"/members/{world['writer'].username}/unmute/", {"next": odd})
    assert (response.status_code, response["Location"]) == (302, "/members/WriterWren/")
