import json
import re

from allauth.account.views import SignupView as AllauthSignupView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from forum.forms import MuteForm
from forum.models import Mute
from moderation.pipeline import OutcomeKind
from moderation.services import submit_bio

from .deletion import delete_account
from .export import build_export
from .forms import BreakForm, DeleteAccountForm, PreferencesForm
from .models import User
from .pseudonyms import suggest_pseudonyms
from .services import end_break, take_break, update_preferences

IDEAS_SHOWN = 3


class SignupView(AllauthSignupView):
    """allauth's sign-up, with pseudonym ideas that work without JavaScript: "Show other
    ideas" and choosing an idea send the form back to be shown again, unchecked, with
    what the person typed (never their password) and the idea in the pseudonym box."""

    def post(self, request, *args, **kwargs):
        if "pick" not in request.POST and "ideas" not in request.POST:
            return super().post(request, *args, **kwargs)
        typed = {name: request.POST.get(name, "") for name in ("username", "email")}
        typed |= {name: name in request.POST for name in ("age_confirmed", "accept_guidelines")}
        if "pick" in request.POST:
            typed["username"] = request.POST["pick"]
        kwargs = {**self.get_form_kwargs(), "data": None, "files": None}
        form = self.get_form_class()(**{**kwargs, "initial": {**kwargs["initial"], **typed}})
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # More than are shown, so that those already taken can be left out.
        ideas = suggest_pseudonyms(IDEAS_SHOWN * 3)
        taken = User.objects.taken_pseudonyms(ideas)
        context["pseudonym_ideas"] = [idea for idea in ideas if idea.lower() not in taken][
            :IDEAS_SHOWN
        ]
        return context


def under_13(request):
    """Where the sign-up page sends someone younger than 13: kindly, to services made for
    them. Nothing they typed into the sign-up form was kept (an unticked age box stops
    it before anything is saved)."""
    return render(request, "accounts/under_13.html")


@login_required
def settings_view(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        preferences = dict(form.cleaned_data)
        # The bio first: refused, it leaves everything as it was, the words in the form.
        bio = submit_bio(member=request.user, bio=preferences.pop("bio"))
        if bio.kind == OutcomeKind.REFUSED:
            form.add_error("bio", bio.reason)
        else:
            update_preferences(request.user, **preferences)
            if bio.kind == OutcomeKind.CRISIS:
                return redirect("moderation:bio_waiting")  # help first, and nothing else
            messages.success(request, "Your preferences are saved.")
            return redirect(
                "moderation:bio_waiting" if bio.kind == OutcomeKind.HELD else "accounts:settings"
            )
    mutes = Mute.objects.active().filter(muter=request.user).select_related("muted")
    return render(
        request,
        "accounts/settings.html",
        {
            "form": form,
            "mutes": mutes.order_by("muted__username"),
            "delete_form": DeleteAccountForm(member=request.user),
            "break_form": BreakForm(),
        },
    )


@login_required
def take_break_view(request):
    """Choose a break, or, during one, see when it ends ("Keep my break" comes here)."""
    form = BreakForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        take_break(request.user, length=form.cleaned_data["length"])
        return redirect("accounts:take_break")
    return render(request, "accounts/take_break.html", {"break_form": form})


@require_POST
@login_required
def end_break_view(request):
    end_break(request.user)
    messages.success(request, "Welcome back. Everything is where you left it.")
    return redirect("forum:home")


@require_POST
@login_required
def export_data(request):
    member = request.user
    # Pseudonyms are letters, digits and a few marks; anything else stays out of a header.
    name = re.sub(r"[^A-Za-z0-9_.-]", "-", member.username)
    response = HttpResponse(
        json.dumps(build_export(member), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="peer-support-{name}-{timezone.localdate():%Y-%m-%d}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        keep_posts = form.keep_posts
        delete_account(request.user, keep_posts=keep_posts)
        logout(request)
        return render(request, "accounts/deleted.html", {"kept_posts": keep_posts})
    return render(request, "accounts/delete.html", {"delete_form": form})


@login_required
def profile(request, username):
    member = get_object_or_404(User.objects.with_profiles(), username__iexact=username)
    mute = Mute.objects.active().filter(muter=request.user, muted=member).first()
    return render(
        request,
        "accounts/profile.html",
        {
            "member": member,
            "mute": mute,
            "mute_form": MuteForm(),
            # A member sees their own bio while it waits; nobody else does.
            "waiting_bio": member.pending_bio if member.pk == request.user.pk else "",
        },
    )
