from io import StringIO

import pytest
from django.core.management import call_command

from forum.models import Post
from tests.factories import make_thread

pytestmark = pytest.mark.django_db


def test_rerender_posts_rebuilds_stored_html_from_the_markdown():
    thread = make_thread(body="**now bold**")
    Post.objects.filter(pk=thread.opening_post_id).update(body_html="<p>stale</p>")
    out = StringIO()
    call_command("rerender_posts", stdout=out)
    assert "1 changed" in out.getvalue()
    thread.opening_post.refresh_from_db()
    assert thread.opening_post.body_html == "<p><strong>now bold</strong></p>\n"
    call_command("rerender_posts", stdout=out)
    assert "0 changed" in out.getvalue()
