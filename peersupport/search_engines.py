"""Keeping young people's posts out of search engines (DESIGN.md, "Private by default")."""

from django.conf import settings
from django.http import HttpResponse

# On every response, even where a deployment lets visitors read (PUBLIC_READING): the
# forum is for the people in it, never for people searching the web.
NOINDEX = "noindex, nofollow"

# Crawlers are turned away while every page needs an account. With public reading they
# may fetch pages, as only a crawler that fetches a page reads its noindex: an address
# it may not fetch can still be listed, from a link elsewhere.
CLOSED = "User-agent: *\nDisallow: /\n"
OPEN_BUT_UNLISTED = (
    "# Every page answers X-Robots-Tag: noindex, so fetch it only to leave it out.\n"
    "User-agent: *\nDisallow:\n"
)


def noindex_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        response["X-Robots-Tag"] = NOINDEX
        return response

    return middleware


def robots_txt(request):
    text = OPEN_BUT_UNLISTED if settings.PUBLIC_READING else CLOSED
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
