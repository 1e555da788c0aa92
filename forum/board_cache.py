"""The list of boards, cached: boards change only in the admin, and nearly every form
and the home page show them all. `forget_boards` (called by forum.signals on any
change) drops the list and the home page's cached fragment together."""

from django.core.cache.utils import make_template_fragment_key

from peersupport.caching import cached, forget

from .models import Board

BOARDS_CACHE_KEY = "forum:boards"
CACHE_TIMEOUT = 60 * 60


def listed_boards():
    return cached(BOARDS_CACHE_KEY, CACHE_TIMEOUT, lambda: list(Board.objects.listed()))


def forget_boards():
    forget(BOARDS_CACHE_KEY, make_template_fragment_key("board_list"))
