"""Muting another member, from their profile or from the settings page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import services
from ..forms import MuteForm


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
    return redirect("accounts:profile", muted.username)


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
    return redirect("accounts:profile", muted.username)
