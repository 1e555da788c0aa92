"""What a writer sees while their post or bio waits for a moderator (the pipeline held
it)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from forum.models import Post, PostStatus

from ..models import Case


@login_required
def post_waiting(request, pk):
    # Only the writer: nobody else may learn that a post is waiting, or why.
    post = get_object_or_404(
        Post.objects.visible_to(request.user).select_related("thread"), pk=pk, author=request.user
    )
    crisis = Case.objects.open().crisis().about_post(post).exists()
    return render(
        request,
        "moderation/post_waiting.html",
        {
            "post": post,
            "is_waiting": post.status == PostStatus.HELD,
            "crisis": crisis,
            # The crisis panel lists every service itself: the box keeps to its lead.
            "help_on_page": crisis,
        },
    )


@login_required
def bio_waiting(request):
    member = request.user
    crisis = Case.objects.open().crisis().filter(member=member).exists()
    return render(
        request,
        "moderation/bio_waiting.html",
        {"is_waiting": bool(member.pending_bio), "crisis": crisis, "help_on_page": crisis},
    )
