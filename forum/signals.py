"""Cache invalidation only: what changes outside forum's services but shows on its pages."""

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from peersupport.caching import forget_site_version

from .board_cache import forget_boards
from .models import Board
from .thread_versions import touch_threads_written_in_by

User = get_user_model()


# Boards change only in the admin, so any save or delete must drop the cached list, the
# home page's fragment and the pages that name a board at once.
@receiver(post_save, sender=Board)
@receiver(post_delete, sender=Board)
def board_changed(**kwargs):
    forget_boards()
    forget_site_version()


# A writer's pseudonym and role badge show beside their posts, and once their account is
# gone the posts they left show a former member: every thread they wrote in changes.
@receiver(post_save, sender=User)
def member_saved(instance, created, update_fields, **kwargs):
    if not created and (update_fields is None or "username" in update_fields):
        touch_threads_written_in_by(instance.pk)


@receiver(pre_delete, sender=User)
def member_leaving(instance, **kwargs):
    touch_threads_written_in_by(instance.pk)


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(instance, action, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if isinstance(instance, Group):
        member_ids = (
            pk_set if pk_set is not None else instance.user_set.values_list("pk", flat=True)
        )
    else:
        member_ids = [instance.pk]
    for member_id in member_ids:
        touch_threads_written_in_by(member_id)


@receiver(post_save, sender=Group)
@receiver(pre_delete, sender=Group)
def role_renamed_or_removed(instance, **kwargs):
    for member_id in instance.user_set.values_list("pk", flat=True):
        touch_threads_written_in_by(member_id)


# Two-step sign-in puts a role in force (REQUIRE_MFA_FOR_STAFF), and with it the badge.
@receiver(post_save, sender=Authenticator)
@receiver(post_delete, sender=Authenticator)
def two_step_changed(instance, **kwargs):
    touch_threads_written_in_by(instance.user_id)
