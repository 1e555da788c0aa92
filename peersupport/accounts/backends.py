"""How a member signs in and is loaded on each request."""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.utils import filter_users_by_email
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from .permissions import MODERATORS, SAFEGUARDING_LEADS, remember_roles, roles_in_force

ROLES = (MODERATORS, SAFEGUARDING_LEADS)


def _member_with_roles_sql(user_model):
    """The member's row, per role whether they hold it, and whether they have two-step
    sign-in (which puts the roles in force): one statement, written out because the ORM
    spends longer composing the EXISTS subqueries than the database spends running them,
    on every signed-in request."""
    users = user_model._meta.db_table
    through = user_model.groups.through._meta
    groups = user_model.groups.field.related_model._meta.db_table
    user_column = through.get_field(user_model._meta.model_name).column
    group_column = through.get_field("group").column
    authenticators = Authenticator._meta
    # Table and column names come from the models, never from a request.
    has_role = (
        f"EXISTS (SELECT 1 FROM {through.db_table} AS membership"  # noqa: S608
        f" JOIN {groups} AS role ON role.id = membership.{group_column}"
        f" WHERE membership.{user_column} = member.id AND role.name = %s)"
    )
    has_two_step = (
        f"EXISTS (SELECT 1 FROM {authenticators.db_table} AS authenticator"  # noqa: S608
        f" WHERE authenticator.{authenticators.get_field('user').column} = member.id"
        f" AND authenticator.{authenticators.get_field('type').column} = %s)"
    )
    flags = ", ".join(f"{has_role} AS has_role_{n}" for n in range(len(ROLES)))
    return (
        f"SELECT member.*, {flags}, {has_two_step} AS has_two_step"  # noqa: S608
        f" FROM {users} AS member WHERE member.id = %s"
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
    with their roles in the same query: nearly every page asks whether they moderate."""

    def authenticate(self, request, **credentials):
        # allauth passes an email address twice, as the email and as the username, and
        # looks both up as an email address: a registered address had its password
        # checked twice, so a wrong password took twice as long as for an unknown
        # address. As the username it is still tried both ways, once.
        if credentials.get("email") == credentials.get("username"):
            credentials.pop("email", None)
        return super().authenticate(request, **credentials)

    def get_user(self, user_id):
        user_model = get_user_model()
        found = list(
            user_model.objects.raw(
                _member_with_roles_sql(user_model),
                [*ROLES, Authenticator.Type.TOTP, user_id],
            )
        )
        if not found or not self.user_can_authenticate(found[0]):
            return None
        user = found[0]
        remember_roles(
            user,
            {role for n, role in enumerate(ROLES) if getattr(user, f"has_role_{n}")},
            has_two_step=user.has_two_step,
        )
        return user

    # Django's permissions (the admin's, a superuser's) wait for two-step sign-in too.
    def has_perm(self, user_obj, perm, obj=None):
        return roles_in_force(user_obj) and super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        return roles_in_force(user_obj) and super().has_module_perms(user_obj, app_label)
