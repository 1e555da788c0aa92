from forum.models import PostStatus


def can_save_post(member, post):
    """Whether `member` may keep `post`'s words in their notes: a published post, or one
    of their own that is not deleted. `post` comes from Post.objects.readable_by(member);
    a moderator can read posts that are held or hidden, but those are not theirs to keep."""
    if post.status == PostStatus.DELETED:
        return False
    return post.status == PostStatus.PUBLISHED or post.author_id == member.pk
