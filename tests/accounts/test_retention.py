"""Data past its keeping time goes (`manage.py apply_retention`), and the privacy notice
says so in plain words."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from forum.models import Notification, NotificationKind
from moderation.flag_sources import address_hash, device_hash
from moderation.models import Flag, FlagReason
from peersupport.accounts import retention
from peersupport.accounts.models import User
from tests.factories import UserFactory, make_thread

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _days_ago(days):
    return NOW - datetime.timedelta(days=days)


def _flag(days_old):
    flag = Flag.objects.create(
        post=make_thread().opening_post,
        flagger=UserFactory(),
        reason=FlagReason.SPAM,
        address_hash=address_hash("203.0.113.5"),
        device_hash=device_hash("a-browser"),
    )
    Flag.objects.filter(pk=flag.pk).update(created_at=_days_ago(days_old))
    return flag


def test_where_flags_came_from_goes_after_thirty_days():
    old, recent = _flag(31), _flag(29)
    assert retention.drop_flag_sources(NOW) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.address_hash, old.device_hash, old.reason) == ("", "", FlagReason.SPAM)
    assert recent.address_hash == address_hash("203.0.113.5")
    assert recent.device_hash == device_hash("a-browser")


def _notification(member, days_old, read):
    note = Notification.objects.create(
        recipient=member, kind=NotificationKind.MODERATION, message=f"{days_old} {read}"
    )
    Notification.objects.filter(pk=note.pk).update(
        created_at=_days_ago(days_old), read_at=_days_ago(days_old) if read else None
    )
    return note


def test_read_notifications_go_after_half_a_year(member):
    gone = _notification(member, 181, read=True)
    kept = [_notification(member, 181, read=False), _notification(member, 10, read=True)]
    assert retention.delete_read_notifications(NOW) == 1
    assert not Notification.objects.filter(pk=gone.pk).exists()
    assert Notification.objects.filter(pk__in=[note.pk for note in kept]).count() == 2


def _session(member, expires):
    store = SessionStore()
    store["_auth_user_id"] = str(member.pk)
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=expires)
    UserSession.objects.create(
        user=member, ip="203.0.113.7", session_key=store.session_key, user_agent="Firefox"
    )
    return store.session_key


def test_ended_sign_ins_go_with_the_address_they_came_from(member):
    ended = _session(member, _days_ago(1))
    live = _session(member, NOW + datetime.timedelta(days=1))
    assert retention.delete_expired_sessions(NOW) == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [live]
    assert ended != live


def _signup(username, days_old, verified=False, **kwargs):
    user = UserFactory(username=username, **kwargs)
    User.objects.filter(pk=user.pk).update(date_joined=_days_ago(days_old))
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


def test_sign_ups_never_confirmed_go_after_thirty_days():
    _signup("NeverConfirmed", 31)
    kept = [
        _signup("JustJoined", 5),
        _signup("Confirmed", 31, verified=True),
        _signup("SignedIn", 31, last_login=_days_ago(30)),
        _signup("MadeByHand", 31, is_staff=True),
    ]
    assert retention.delete_unconfirmed_accounts(NOW) == 1
    assert set(User.objects.values_list("username", flat=True)) == {user.username for user in kept}


def test_the_command_says_what_it_removed(capsys):
    _flag(40)
    call_command("apply_retention")
    out = capsys.readouterr().out
    assert "flag addresses and devices dropped: 1" in out
    assert "read notifications deleted: 0" in out
    assert "expired sessions deleted: 0" in out
    assert "unconfirmed accounts deleted: 0" in out


def test_the_privacy_notice_is_plain_and_linked_from_every_page(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="crisis-support"' in content
    for words in [
        "What we keep",
        "Who can see it",
        "How long we keep it",
        "Your rights",
        "How to contact us",
        "for 30 days",
        "180 days",
        "Download my data",
        "former member",
    ]:
        assert words in content
    assert 'href="/privacy/"' in client.get("/help/").content.decode()
    assert 'href="/privacy/"' in client.get("/accounts/signup/").content.decode()
