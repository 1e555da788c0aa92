"""The welcome after joining (four short steps, each skippable, the whole of it too) and
the "welcome back" page after a long break."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from forum.models import Board

from . import services
from .forms import BoardsForm, ComfortForm
from .welcome import introductions_board, news_since, note_welcome_back_shown

STEPS = [
    "accounts:welcome",
    "accounts:welcome_boards",
    "accounts:welcome_comfort",
    "accounts:welcome_introduce",
]


def _step(request, template, number, context=None):
    return render(
        request,
        f"accounts/welcome/{template}",
        {
            "step": number,
            "steps": len(STEPS),
            "back": STEPS[number - 2] if number > 1 else None,
            "next": STEPS[number] if number < len(STEPS) else None,
            **(context or {}),
        },
    )


@login_required
def welcome(request):
    if request.user.welcome_due:
        services.mark_welcomed(request.user)
    return _step(request, "how_it_works.html", 1)


@login_required
def welcome_boards(request):
    form = BoardsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.choose_boards(request.user, form.cleaned_data["boards"])
        return redirect(STEPS[2])
    followed = Board.objects.followed_by(request.user).values_list("pk", flat=True)
    return _step(request, "boards.html", 2, {"form": form, "followed": set(followed)})


@login_required
def welcome_comfort(request):
    form = ComfortForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(
            request.user,
            quiet_mode=form.cleaned_data["quiet_mode"],
            warning_preferences=form.cleaned_data["warning_preferences"],
        )
        return redirect(STEPS[3])
    return _step(request, "comfort.html", 3, {"form": form})


@login_required
def welcome_introduce(request):
    board = introductions_board()
    return _step(
        request,
        "introduce.html",
        4,
        {
            "board": board,
            "first_posts_read": settings.PREMODERATION_FIRST_POSTS,
        },
    )


@login_required
def welcome_back(request):
    member = request.user
    if member.away_since is None:
        return redirect("forum:home")
    note_welcome_back_shown(request)
    return render(
        request,
        "accounts/welcome/back.html",
        {"news": news_since(member, member.away_since)},
    )


@require_POST
@login_required
def ease_back_in(request):
    already_quiet = request.user.quiet_mode
    member = services.ease_back_in(request.user)
    if already_quiet:
        messages.success(request, "Quiet mode stays on, as you set it. Take your time.")
    else:
        until = date_format(member.quiet_mode_until, "j F")
        messages.success(
            request,
            f"Quiet mode is on until {until}, then it goes back off. You can change this "
            "in your settings whenever you like.",
        )
    return redirect("forum:home")


@require_POST
@login_required
def not_now(request):
    services.set_aside_welcome_back(request.user)
    return redirect("forum:home")
