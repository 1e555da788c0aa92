"""Every refusal in the project is one kind of exception, carrying the kind words the
person is shown, so a view catches and shows any of them the same way."""

import pytest

from forum.services import PostingRefused
from moderation.services import AppealRefused, CheckInRefused, DecisionRefused, FlagRefused
from peersupport.refusals import Refused


@pytest.mark.parametrize(
    "refusal", [PostingRefused, FlagRefused, DecisionRefused, AppealRefused, CheckInRefused]
)
def test_every_refusal_is_a_refused_carrying_its_message(refusal):
    refused = refusal("Sorry, that cannot be done now.")
    assert isinstance(refused, Refused)
    assert refused.message == "Sorry, that cannot be done now."
    assert str(refused) == "Sorry, that cannot be done now."
