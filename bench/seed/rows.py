"""The planned threads and posts as unsaved rows, with the counters the services keep
and the search vectors they store."""

from forum.models import Post, PostStatus, Thread

from .writing import search_vectors


def thread_row(thread, boards, member_ids):
    counted = [post for post in thread.posts[1:] if post.status != PostStatus.HELD]
    return Thread(
        pk=thread.pk,
        board=boards[thread.board],
        title=thread.title,
        author_id=member_ids[thread.author],
        opening_post_id=thread.posts[0].pk,
        created_at=thread.created_at,
        # Hidden replies were published once, so they moved the activity along.
        last_activity_at=max([thread.created_at, *(post.created_at for post in counted)]),
        reply_count=sum(post.status == PostStatus.PUBLISHED for post in counted),
        status=thread.posts[0].status,
    )


def vectors_by_text(threads, pool):
    """{(title, body index): vector}, the title empty except for opening posts: each
    distinct text's vector computed once."""
    texts = [("", index) for index in range(len(pool))]
    texts += list(dict.fromkeys((thread.title, thread.posts[0].body) for thread in threads))
    vectors = search_vectors([(title, pool[index][0]) for title, index in texts])
    return dict(zip(texts, vectors, strict=True))


def post_row(post, pool, vectors, member_ids):
    body, html = pool[post.body]
    title = post.thread.title if post.parent is None else ""
    return Post(
        pk=post.pk,
        thread_id=post.thread.pk,
        author_id=member_ids[post.author],
        parent_id=post.parent.pk if post.parent else None,
        path=post.path,
        depth=post.depth,
        body=body,
        body_html=html,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
        status=post.status,
        created_at=post.created_at,
        search_vector=vectors[title, post.body],
    )
