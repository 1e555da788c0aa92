"""Small circles for the tests, made through the services as an admin and a moderator
would make them."""

from forum import services
from forum.models import CircleMembership
from tests.moderation.case_helpers import make_moderator


def make_circle(
    name="Quiet evenings",
    theme="For evenings that feel long.",
    *,
    members=(),
    moderator=None,
    is_open=True,
):
    circle = services.create_circle(name=name, theme=theme)
    if is_open:
        moderator = moderator or make_moderator("KindKestrel")
        services.assign_circle_moderator(circle=circle, moderator=moderator)
        circle = services.open_circle(circle=circle)
    for member in members:
        CircleMembership.objects.create(circle=circle, member=member)
    return circle
