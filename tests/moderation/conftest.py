import pytest

from tests.moderation.case_helpers import make_moderator


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
