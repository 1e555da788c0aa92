import datetime

import factory
from django.utils import timezone

from forum.models import Board
from peersupport.accounts.models import User
from peersupport.signposting.models import CrisisResource

PASSWORD = "a calm test password 1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"Member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username.lower()}@example.com")
    age_confirmed_at = factory.LazyFunction(timezone.now)
    guidelines_accepted_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(user, create, extracted, **kwargs):
        if create:
            user.save()


class CrisisResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrisisResource

    name = factory.Sequence(lambda n: f"Test Helpline {n}")
    description = "A test service that listens."
    phone = factory.Sequence(lambda n: f"0800 555 {n:04d}")
    hours = "24 hours, every day"
    region = "uk"
    order = 5
    last_verified = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    description = "A place to talk."


def make_thread(
    author=None, board=None, title="A hard week", body="Opening words", status=None, **draft
):
    """A thread stored straight through forum's services (no screening); `draft` takes
    the rest of a Draft's fields, such as a content warning."""
    from forum import services
    from forum.drafts import Draft

    return services.start_thread(
        author=author or UserFactory(),
        board=board or BoardFactory(),
        draft=Draft(title=title, body=body, **draft),
        **({"status": status} if status else {}),
    )


def make_reply(thread, author=None, parent=None, body="A kind reply", status=None, **draft):
    from forum import services
    from forum.drafts import Draft

    return services.post_reply(
        author=author or UserFactory(),
        thread=thread,
        parent=parent,
        draft=Draft(body=body, **draft),
        **({"status": status} if status else {}),
    )


def make_committed_reply(thread, author=None, parent=None, body="A kind reply", **kwargs):
    """make_reply, then what its commit sets off (telling the thread's people, emails),
    as a real request's commit would: the test's own transaction never commits."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return make_reply(thread, author=author, parent=parent, body=body, **kwargs)


def with_two_step_sign_in(user):
    """`user` with an authenticator app set up, stored as allauth stores it when a
    person scans the code (tests/accounts/test_mfa.py goes through those pages)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user
