"""Every moderation URL, for each kind of person (issue 4: permissions on every URL)."""

import pytest

from moderation.audit import record
from moderation.models import ActionKind
from moderation.services import open_case
from peersupport.accounts.models import User
from tests.factories import UserFactory, make_thread
from tests.moderation.case_helpers import make_lead, make_moderator

pytestmark = pytest.mark.django_db

SIGN_IN = "sign-in"
ROLES = ["visitor", "member", "moderator", "lead", "admin"]

# URL → (method, expected outcome per role). Admins (staff) run the Django admin and
# read the audit log; the queue is for moderators and leads.
EXPECTED = {
    "/moderation/": ("get", [SIGN_IN, 403, 200, 200, 403]),
    "/moderation/cases/{case}/": ("get", [SIGN_IN, 403, 200, 200, 403]),
    "/moderation/cases/{case}/reassign/": ("post", [SIGN_IN, 403, 403, 302, 403]),
    "/moderation/log/": ("get", [SIGN_IN, 403, 200, 200, 200]),
    # The leads' page, which the site's superusers see too (this admin is one).
    "/moderation/escalated/": ("get", [SIGN_IN, 403, 403, 200, 200]),
    "/moderation/members/{writer}/": ("get", [SIGN_IN, 403, 200, 200, 403]),
    # Only the member a decision concerns may appeal it; nobody else learns it exists.
    "/moderation/appeal/{decision}/": ("get", [SIGN_IN, 404, 404, 404, 404]),
    "/admin/moderation/moderationaction/": ("get", ["admin-sign-in"] * 4 + [200]),
    "/admin/moderation/watchedphrase/": ("get", ["admin-sign-in"] * 4 + [200]),
}


@pytest.fixture
def world():
    writer = UserFactory(username="WriterWren")
    case = open_case(post=make_thread(author=writer).opening_post, reasons=["flagged"])
    decision = record(
        actor=None, action=ActionKind.HIDE, target=case.post, case=case, member=writer
    )
    return {
        "people": {
            "member": UserFactory(username="PlainMember"),
            "moderator": make_moderator(),
            "lead": make_lead(),
            "admin": UserFactory(username="SiteAdmin", is_staff=True, is_superuser=True),
        },
        "ids": {"case": case.pk, "writer": writer.username, "decision": decision.pk},
    }


@pytest.mark.parametrize("url", EXPECTED)
@pytest.mark.parametrize("role", ROLES)
def test_every_moderation_url_for_every_role(client, world, url, role):
    method, outcomes = EXPECTED[url]
    expected = outcomes[ROLES.index(role)]
    if role != "visitor":
        client.force_login(world["people"][role])
    address = url.format(**world["ids"])
    response = getattr(client, method)(address)
    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif expected == "admin-sign-in":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code == expected
    if response.status_code in (403, 404):
        assert 'id="crisis-support"' in response.content.decode()


def test_the_writer_may_open_their_own_appeal(client, world):
    client.force_login(User.objects.get(username="WriterWren"))
    response = client.get(f"/moderation/appeal/{world['ids']['decision']}/")
    assert response.status_code == 200
