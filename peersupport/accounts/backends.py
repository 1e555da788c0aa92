"""How a member signs in and is loaded on each request."""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.utils import filter_users_by_email
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .permissions import (
    MODERATORS,
    PEER_SUPPORTERS,
    SAFEGUARDING_LEADS,
    remember_roles,
    roles_in_force,
)

ROLES = (MODERATORS, SAFEGUARDING_LEADS, PEER_SUPPORTERS)


def _members_with_roles():
    """Members, each with whether they hold each role (`holds_<n>` for ROLES[n]) and
    whether they have two-step sign-in (which puts the roles in force): loading one
    takes one query, where asking afterwards would take two on nearly every page."""
    members = get_user_model()._default_manager
    return members.annotate(
        has_two_step=Exists(
            Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        ),
        **{
            f"holds_{n}": Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
            for n, role in enumerate(ROLES)
        },
    )


def member_named_in(credentials):
    """The account a sign-in names, looked for as MemberBackend looks: by email address,
    then by pseudonym. None when it names none."""
    login = credentials.get("email") or credentials.get("username")
    if not login:
        return None
    found = filter_users_by_email(login, prefer_verified=True)
    if found:
        return found[0]
    return get_user_model()._default_manager.filter(username__iexact=login).first()


class MemberBackend(AuthenticationBackend):
    """allauth's sign-in by pseudonym or email (so the admin's login, which goes
    through allauth, is rate-limited the same way), and the signed-in member loaded
    with their roles in the same query: nearly every page asks whether they moderate
    (and the header whether they are a peer supporter)."""

    def authenticate(self, request, **credentials):
        # allauth passes an email address twice, as the email and as the username, and
        # looks both up as an email address: a registered address had its password
        # checked twice, so a wrong password took twice as long as for an unknown
        # address. As the username it is still tried both ways, once.
        if credentials.get("email") == credentials.get("username"):
            credentials.pop("email", None)
        return super().authenticate(request, **credentials)

    def get_user(self, user_id):
        user = _members_with_roles().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_roles(
            user,
            {role for n, role in enumerate(ROLES) if getattr(user, f"holds_{n}")},
            has_two_step=user.has_two_step,
        )
        return user

    # Django's permissions (the admin's, a superuser's) wait for two-step sign-in too.
    def has_perm(self, user_obj, perm, obj=None):
        return roles_in_force(user_obj) and super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        return roles_in_force(user_obj) and super().has_module_perms(user_obj, app_label)
