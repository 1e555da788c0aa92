"""Every URL the project serves, found by walking the URL resolver, with real ids filled
in, so the security tests cover a new URL the day it is added. A URL with a parameter
this module does not know how to fill makes those tests fail until it is taught here."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse

from forum.models import Post, Thread
from moderation.models import Case
from peersupport.accounts.models import User

# Admin routes that only stand in for others: its final catch-all, which answers any
# other address under /admin/ the way its login check does.
CATCH_ALL = "(?P<url>.*)$"


@dataclass(frozen=True)
class Route:
    route: str  # the pattern's text, prefixes included
    name: str  # "namespace:name", or "" when unnamed
    params: tuple  # the parameters the URL captures

    def __str__(self):
        return self.name or self.route


def all_routes():
    def walk(patterns, prefix, namespace, params):
        for pattern in patterns:
            here = params + tuple(pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, here)
            else:
                name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else ""
                yield Route(prefix + str(pattern.pattern), name, here)

    return list(walk(get_resolver().url_patterns, "", "", ()))


def routes_under(*prefixes):
    return [route for route in all_routes() if route.route.startswith(prefixes)]


def _admin_model(route):
    """The model an admin route belongs to, from its address (admin/app/model/...)."""
    match = re.match(r"admin/(\w+)/(\w+)/", route.route)
    return apps.get_model(match[1], match[2]) if match else None


def _param_value(route, param, world):
    name = route.name
    if param == "object_id" and name == "admin:view_on_site":
        return str(world["post"].pk)
    if param == "object_id":
        model = _admin_model(route)
        row = model._default_manager.order_by("pk").first()
        # A model with no rows yet: the login check answers before any lookup.
        return str(row.pk) if row else "1"
    values = {
        "content_type_id": lambda: ContentType.objects.get_for_model(Post).pk,
        "app_label": lambda: "moderation",
        "url": lambda: "nothing-here/",
        "username": lambda: world["writer"].username,
        "post_pk": lambda: world["post"].pk,
        "key": lambda: "not-a-real-key",
        "uidb36": lambda: "1",
        "id": lambda: world["writer"].pk,
        "slug": lambda: "a-hard-week" if name == "forum:thread" else world["board"].slug,
    }
    if param == "pk":
        if name.endswith("circle_request") or name == "moderation:place_in_circle":
            return world["circle_request"].pk
        if "circle" in name:
            return world["circle"].pk
        if "case" in name or "reassign" in name:
            return world["case"].pk
        if name == "moderation:appeal":
            return world["decision"].pk
        if "thread" in name or name in ("forum:reply", "forum:close_thread"):
            return world["thread"].pk
        return world["post"].pk
    if param not in values:
        raise LookupError(
            f"{route}: tests/security/walker.py does not know how to fill <{param}>; "
            "teach it, so the security tests cover this URL."
        )
    return values[param]()


def url_for(route, world):
    kwargs = {param: _param_value(route, param, world) for param in route.params}
    if route.name:
        return reverse(route.name, kwargs=kwargs)
    if route.route.endswith(CATCH_ALL):
        return "/admin/nothing-here/"
    url = "/" + route.route
    for param, value in kwargs.items():
        url = re.sub(rf"<(\w+:)?{param}>", str(value), url)
    return url


# What "nothing changed" means: no row added or removed anywhere, and no post, thread,
# case, member or notification altered. Sessions come and go with every sign-in.
SESSION_APPS = {"sessions", "usersessions"}


def snapshot():
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in SESSION_APPS
    }
    return (
        counts,
        list(Post.objects.order_by("pk").values_list("pk", "status", "body", "edited_at")),
        list(Thread.objects.order_by("pk").values_list("pk", "is_locked", "is_closed", "board")),
        list(Case.objects.order_by("pk").values_list("pk", "status", "claimed_by", "priority")),
        list(
            User.objects.order_by("pk").values_list(
                "pk", "is_active", "is_staff", "posting_suspended_until"
            )
        ),
        list(apps.get_model("forum", "Notification").objects.values_list("pk", "read_at")),
    )
