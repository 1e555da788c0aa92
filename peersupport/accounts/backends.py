"""How a member signs in and is loaded on each request."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .permissions import MODERATORS, SAFEGUARDING_LEADS, remember_group_names


class MemberBackend(AuthenticationBackend):
    """allauth's sign-in by pseudonym or email (so the admin's login, which goes
    through allauth, is rate-limited the same way), and the signed-in member loaded
    with their roles in the same query: nearly every page asks whether they moderate."""

    def get_user(self, user_id):
        in_role = {
            name: Exists(Group.objects.filter(user=OuterRef("pk"), name=name))
            for name in (MODERATORS, SAFEGUARDING_LEADS)
        }
        user = (
            get_user_model()
            ._default_manager.annotate(**{_flag(name): flag for name, flag in in_role.items()})
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_group_names(user, {name for name in in_role if getattr(user, _flag(name))})
        return user


def _flag(group_name):
    return "in_" + group_name.lower().replace(" ", "_")
