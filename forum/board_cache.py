"""The list of boards, cached: boards change only in the admin, and nearly every form
and the home page show them all. `forget_boards` (called by forum.signals on any
change) drops the list and the home page's cached fragment together."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from .models import Board

BOARDS_CACHE_KEY = "forum:boards"
CACHE_TIMEOUT = 60 * 60


def listed_boards():
    boards = cache.get(BOARDS_CACHE_KEY)
    if boards is None:
        boards = list(Board.objects.listed())
        cache.set(BOARDS_CACHE_KEY, boards, CACHE_TIMEOUT)
    return boards


def forget_boards():
    cache.delete_many([BOARDS_CACHE_KEY, make_template_fragment_key("board_list")])
