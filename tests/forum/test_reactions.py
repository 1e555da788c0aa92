"""Supportive reactions: sent and taken back through the buttons under each post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.models import PostStatus, Reaction, ReactionKind
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return UserFactory(username="BraveFinch7")


@pytest.fixture
def thread(writer):
    return make_thread(author=writer, board=BoardFactory(), body="Today was hard.")


def react(client, post, kind, **headers):
    return client.post(f"/posts/{post.pk}/react/", {"kind": kind}, **headers)


def reactions_html(page, post):
    start = page.index(f'id="reactions-{post.pk}"')
    return page[start : page.index("</div>", start)]


def test_a_member_sends_a_hug_and_takes_it_back(member_client, member, thread):
    post = thread.opening_post
    response = react(member_client, post, "hug")
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{thread.pk}/#post-{post.pk}"
    assert Reaction.objects.filter(post=post, member=member, kind="hug").count() == 1
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'class="btn btn-sm reaction" id="react-{post.pk}-hug" aria-pressed="true"' in page
    assert f'class="btn btn-sm reaction" id="react-{post.pk}-me-too" aria-pressed="false"' in page

    react(member_client, post, "hug")
    assert not Reaction.objects.exists()
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'class="btn btn-sm reaction" id="react-{post.pk}-hug" aria-pressed="false"' in page


def test_one_of_each_kind_per_member(member_client, member, thread):
    post = thread.opening_post
    for kind in ReactionKind.values:
        react(member_client, post, kind)
    assert sorted(Reaction.objects.values_list("kind", flat=True)) == sorted(ReactionKind.values)
    assert Reaction.objects.filter(member=member).count() == 4


def test_an_unknown_kind_changes_nothing(member_client, thread):
    response = react(member_client, thread.opening_post, "like")
    assert response.status_code == 302
    assert not Reaction.objects.exists()


def test_no_reacting_to_your_own_post(client, writer, thread):
    client.force_login(writer)
    response = react(client, thread.opening_post, "hug", follow=True)
    assert "you cannot react to your own" in response.content.decode()
    assert not Reaction.objects.exists()
    page = client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'action="/posts/{thread.opening_post.pk}/react/"' not in page


def test_no_reacting_to_a_held_post(member_client, thread):
    held = make_reply(thread, body="waiting", status=PostStatus.HELD)
    assert react(member_client, held, "hug").status_code == 404
    assert not Reaction.objects.exists()


def test_no_reacting_to_a_deleted_post(member_client, thread):
    reply = make_reply(thread, body="soon gone")
    make_reply(thread, parent=reply)
    services.delete_post(post=reply)  # stays as a tombstone, visible to everyone
    response = react(member_client, reply, "hug", follow=True)
    assert "not open to reactions" in response.content.decode()
    assert not Reaction.objects.exists()


def test_the_service_refuses_unpublished_posts(member, thread):
    post = thread.opening_post
    post.status = PostStatus.HIDDEN
    with pytest.raises(services.PostingRefused):
        services.toggle_reaction(member=member, post=post, kind="hug")
    assert not Reaction.objects.exists()


def test_visitors_are_asked_to_sign_in(client, thread):
    response = react(client, thread.opening_post, "hug")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Reaction.objects.exists()


def test_the_writer_sees_who_reacted_and_others_see_counts(client, settings, writer, thread):
    post = thread.opening_post
    for name in ("KindHeron1", "SoftMoss2"):
        services.toggle_reaction(member=UserFactory(username=name), post=post, kind="hug")
    services.toggle_reaction(
        member=UserFactory(username="GentleOwl3"), post=post, kind="thinking-of-you"
    )

    client.force_login(writer)
    mine = reactions_html(client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert "Hug</span> from KindHeron1, SoftMoss2" in mine
    assert "Thinking of you</span> from GentleOwl3" in mine
    assert "<button" not in mine

    client.force_login(UserFactory(username="Onlooker4"))
    theirs = reactions_html(client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert 'Hug <span class="reaction-count">2</span>' in theirs
    assert 'Thinking of you <span class="reaction-count">1</span>' in theirs
    assert "Me too</button>" in theirs
    assert "KindHeron1" not in theirs

    client.logout()
    settings.PUBLIC_READING = True
    visitors = reactions_html(client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert 'Hug <span class="reaction-count">2</span>' in visitors
    assert "KindHeron1" not in visitors and "<button" not in visitors


def test_quiet_mode_hides_the_numbers(member_client, member, thread):
    post = thread.opening_post
    services.toggle_reaction(member=UserFactory(), post=post, kind="hug")
    member.quiet_mode = True
    member.save()
    html = reactions_html(member_client.get(f"/threads/{thread.pk}/").content.decode(), post)
    assert "Hug</button>" in html
    assert "reaction-count" not in html


def test_an_htmx_request_gets_just_the_reactions(member_client, thread):
    post = thread.opening_post
    response = react(member_client, post, "me-too", HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith(f'<div class="reactions" id="reactions-{post.pk}">')
    assert f'class="btn btn-sm reaction" id="react-{post.pk}-me-too" aria-pressed="true"' in content
    assert 'Me too <span class="reaction-count">1</span>' in content
    assert "crisis-support" not in content


def test_the_buttons_enhance_a_plain_form(member_client, thread):
    post = thread.opening_post
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'<form method="post" action="/posts/{post.pk}/react/"' in page
    assert f'hx-post="/posts/{post.pk}/react/" hx-target="#reactions-{post.pk}"' in page
    assert "django_htmx/htmx-2.min.js" in page
    assert "hx-on" not in page


def _thread_page_queries(client, replies, reactors, author=None):
    thread = make_thread(author=author, board=BoardFactory())
    posts = [thread.opening_post] + [make_reply(thread, author=author) for _ in range(replies)]
    for post in posts:
        for reactor in reactors:
            for kind in ("hug", "thank-you"):
                Reaction.objects.create(post=post, member=reactor, kind=kind)
    client.get(f"/threads/{thread.pk}/")  # fills the per-process caches first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/threads/{thread.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_the_thread_page_fetches_reactions_in_a_fixed_number_of_queries(member_client, member):
    few = _thread_page_queries(member_client, replies=2, reactors=[member])
    many_reactors = [member, *(UserFactory() for _ in range(5))]
    many = _thread_page_queries(member_client, replies=19, reactors=many_reactors)
    assert few == many
    assert many <= 10


def test_the_writer_sees_names_in_a_fixed_number_of_queries(member_client, member):
    few = _thread_page_queries(member_client, replies=2, reactors=[UserFactory()], author=member)
    many_reactors = [UserFactory() for _ in range(6)]
    many = _thread_page_queries(member_client, replies=19, reactors=many_reactors, author=member)
    assert few == many
    assert many <= 11
