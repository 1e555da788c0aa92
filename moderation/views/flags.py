"""A member flags a post, or another member's profile, for a moderator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from forum.models import Post, Thread
from forum.paging import post_in_thread
from peersupport.accounts.client_ip import client_ip
from peersupport.accounts.models import User

from .. import services
from ..flag_sources import device_token, remember_device
from ..forms import FlagForm, ProfileFlagForm


@login_required
def flag_post(request, pk):
    post = get_object_or_404(
        Post.objects.readable_by(request.user).select_related("thread__board", "author"), pk=pk
    )
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = device_token(request)
        try:
            services.flag_post(
                flagger=request.user,
                post=post,
                ip_address=client_ip(request),
                device=device,
                **form.cleaned_data,
            )
        except services.FlagRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, "Thank you. A moderator will look at this.")
            # Enough flags hide the post; if it opened the thread, the thread goes too.
            if Thread.objects.visible_to(request.user).filter(pk=post.thread_id).exists():
                thanks = redirect(post_in_thread(post, request.user))
            else:
                thanks = redirect(post.thread.board)
            return remember_device(request, thanks, device)
    return render(request, "moderation/flag_post.html", {"post": post, "form": form})


@login_required
def flag_profile(request, username):
    member = get_object_or_404(User.objects.with_profiles(), username__iexact=username)
    form = ProfileFlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = device_token(request)
        try:
            services.flag_profile(
                flagger=request.user,
                member=member,
                ip_address=client_ip(request),
                device=device,
                **form.cleaned_data,
            )
        except services.FlagRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, "Thank you. A moderator will look at this.")
            return remember_device(request, redirect("accounts:profile", member.username), device)
    return render(request, "moderation/flag_profile.html", {"member": member, "form": form})
