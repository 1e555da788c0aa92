"""Reacting to a post: a hug, a "me too" and the like."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import services
from ..forms import ReactionForm
from ..models import Post
from ..paging import post_in_thread
from ..reader_choices import prepare_posts


@login_required
@require_POST
def react(request, pk):
    posts = Post.objects.readable_by(request.user).select_related("thread").with_author_names()
    post = get_object_or_404(posts, pk=pk)
    form = ReactionForm(request.POST)
    note = ""
    if form.is_valid():
        try:
            services.toggle_reaction(member=request.user, post=post, kind=form.cleaned_data["kind"])
        except services.PostingRefused as refused:
            note = refused.message
    else:
        note = "Please choose one of the reactions."
    if request.htmx:
        prepare_posts([post], request.user)
        return render(request, "forum/_reactions.html", {"post": post, "reaction_note": note})
    if note:
        messages.info(request, note)
    return redirect(post_in_thread(post, request.user))
