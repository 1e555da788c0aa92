"""The public transparency page: how moderation went, month by month, for anyone."""

from django.conf import settings
from django.shortcuts import render

from ..transparency import CRISIS_LOOK_WITHIN, REASONS_IN_PLAIN_WORDS, figures_for_today


def transparency(request):
    return render(
        request,
        "moderation/transparency.html",
        {
            "figures": figures_for_today(),
            "reasons": REASONS_IN_PLAIN_WORDS.values(),
            "smallest_shown": settings.TRANSPARENCY_SMALLEST_SHOWN,
            "crisis_minutes": int(CRISIS_LOOK_WITHIN.total_seconds() // 60),
        },
    )
