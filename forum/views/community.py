"""Reactions to posts, and muting other members."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import services
from ..display import prepare_posts
from ..forms import MuteForm, ReactionForm
from ..models import Post
from ..paging import post_in_thread


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


@login_required
@require_POST
def mute_member(request, username):
    muted = get_object_or_404(get_user_model().objects.with_profiles(), username__iexact=username)
    form = MuteForm(request.POST)
    if not form.is_valid():
        messages.info(request, "Please choose how long to mute them for.")
    else:
        try:
            services.mute_member(
                muter=request.user, muted=muted, duration=form.cleaned_data["duration"]
            )
        except services.PostingRefused as refused:
            messages.info(request, refused.message)
        else:
            messages.success(
                request,
                f"{muted.username} is muted: their posts are folded away for you. "
                "They are not told.",
            )
    return redirect("profile", muted.username)


@login_required
@require_POST
def unmute_member(request, username):
    muted = get_object_or_404(get_user_model(), username__iexact=username)
    services.unmute_member(muter=request.user, muted=muted)
    messages.success(request, f"{muted.username} is unmuted: you will see their posts again.")
    # Unmuting from the settings page goes back there; from a profile, back to it.
    next_url = request.POST.get("next", "")
    # A path on this site, redirected to as it is: redirect() would take a bare word
    # for a view's name.
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return HttpResponseRedirect(next_url)
    return redirect("profile", muted.username)
