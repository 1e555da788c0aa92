"""A thread's pages: fixed-size slices of the posts a reader may see, in display order.

A page has an upper bound however a conversation grows (a reply with 500 answers
spreads over pages instead of landing on one), and any post can be linked to: its page
is worked out for the reader who follows the link.
"""

from django.urls import reverse

from .models import Post

POSTS_PER_PAGE = 20
# "?page=last": the thread's last page, whatever its number.
LAST_PAGE = "last"


def page_of(post, reader):
    """The page of `post`'s thread that shows it to `reader`."""
    earlier = (
        Post.objects.visible_to(reader).filter(thread_id=post.thread_id, path__lt=post.path).count()
    )
    return earlier // POSTS_PER_PAGE + 1


def post_in_thread(post, reader):
    """The address of `post` in its thread, on the page where `reader` finds it."""
    page = page_of(post, reader)
    query = f"?page={page}" if page > 1 else ""
    return f"{reverse('thread', args=[post.thread_id])}{query}#post-{post.pk}"


def new_reply_in_thread(post, reader):
    """Where a reply just written shows. One that answers the thread itself sorts after
    every other post (its path ends in the newest id), so it is on the last page, which
    the thread page works out with the count it makes anyway; only a reply to a post
    further up needs counting here."""
    if post.depth != 1:
        return post_in_thread(post, reader)
    return f"{reverse('thread', args=[post.thread_id])}?page={LAST_PAGE}#post-{post.pk}"
