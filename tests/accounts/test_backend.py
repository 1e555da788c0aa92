"""The signed-in member is loaded with their roles in one query."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peersupport.accounts.backends import MemberBackend
from peersupport.accounts.permissions import is_moderator, is_safeguarding_lead
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("groups", "moderates", "leads"),
    [((), False, False), (("Moderators",), True, False), (("Safeguarding leads",), True, True)],
)
def test_roles_come_with_the_member(groups, moderates, leads):
    member = UserFactory()
    for name in groups:
        member.groups.add(Group.objects.get_or_create(name=name)[0])
    with CaptureQueriesContext(connection) as queries:
        loaded = MemberBackend().get_user(member.pk)
        assert (is_moderator(loaded), is_safeguarding_lead(loaded)) == (moderates, leads)
    assert len(queries) == 1
    assert loaded == member


def test_an_inactive_or_missing_member_is_not_loaded():
    assert MemberBackend().get_user(UserFactory(is_active=False).pk) is None
    assert MemberBackend().get_user(987654) is None
