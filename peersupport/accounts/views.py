from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from forum.forms import MuteForm
from forum.models import Mute

from .forms import PreferencesForm
from .models import User
from .services import update_preferences


@login_required
def settings_view(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_preferences(request.user, **form.cleaned_data)
        messages.success(request, "Your preferences are saved.")
        return redirect("settings")
    mutes = Mute.objects.active().filter(muter=request.user).select_related("muted")
    return render(
        request,
        "accounts/settings.html",
        {"form": form, "mutes": mutes.order_by("muted__username")},
    )


@login_required
def profile(request, username):
    member = get_object_or_404(User.objects.filter(is_active=True), username__iexact=username)
    mute = Mute.objects.active().filter(muter=request.user, muted=member).first()
    return render(
        request,
        "accounts/profile.html",
        {"member": member, "mute": mute, "mute_form": MuteForm()},
    )
