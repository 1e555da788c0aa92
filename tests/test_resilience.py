"""The verdict of scripts/resilience.py, which .ci/run runs against a throwaway PostgreSQL
cluster of its own (too slow and too intrusive for the suite): here, its judgement alone."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "resilience.py"
spec = importlib.util.spec_from_file_location("resilience", SCRIPT)
resilience = importlib.util.module_from_spec(spec)
spec.loader.exec_module(resilience)

KIND = (
    '<aside id="crisis-support"><a href="tel:116123">Samaritans</a></aside>'
    '<a id="quick-exit" href="https://www.bbc.co.uk/weather">Exit this page</a>'
)
BARE = "<html><title>Internal Server Error</title><h1>Internal Server Error</h1></html>"


def answer(at, status, body="", who="prober", path="/"):
    return resilience.Answer(at=at, who=who, path=path, status=status, body=body)


def good_run():
    """A run that passed: two replies acknowledged and kept, an outage from 10 s to 13 s
    met by kind pages, pages served again 0.5 s after PostgreSQL came back."""
    return resilience.Run(
        acknowledged={"token-a", "token-b"},
        found={"token-a", "token-b"},
        answers=[
            answer(5, 302, who="writer0", path="/threads/1/reply/"),
            answer(11, 500, KIND),
            answer(11.2, 500, KIND, path="/threads/1/reply/"),
            answer(12, 500, KIND, who="writer1", path="/threads/1/reply/"),
            answer(14, 302, who="writer0", path="/threads/1/reply/"),
        ],
        outages=[(10, 13)],
        recovered_at=13.5,
        recovered_in=0.5,
    )


def test_a_good_run_passes_and_says_so():
    run = good_run()
    assert resilience.problems(run) == []
    assert resilience.summary(run) == (
        "acknowledged 2, found 2, lost 0; errors during outages 3 (status [500]), all kind; "
        "recovered in 0.5 s"
    )


def test_an_acknowledged_reply_missing_from_the_database_fails():
    run = good_run()
    run.found = {"token-a"}
    assert any(
        "1 acknowledged replies are missing" in problem for problem in resilience.problems(run)
    )
    assert "lost 1" in resilience.summary(run)


@pytest.mark.parametrize("status, body", [(500, BARE), (0, "ConnectionResetError()"), (502, "")])
def test_a_bare_error_fails(status, body):
    run = good_run()
    run.answers.append(answer(12.5, status, body, who="writer2"))
    assert any("bare answer" in problem for problem in resilience.problems(run))


def test_a_kind_page_needs_the_crisis_services_and_an_error_status():
    assert resilience.is_kind_error_page(answer(1, 503, KIND))
    assert not resilience.is_kind_error_page(answer(1, 200, KIND))
    assert not resilience.is_kind_error_page(answer(1, 500, '<aside id="crisis-support">'))


def test_errors_after_recovery_fail():
    run = good_run()
    run.answers.append(answer(20, 500, KIND, who="writer1", path="/threads/1/reply/"))
    assert any("errors after recovery" in problem for problem in resilience.problems(run))


@pytest.mark.parametrize("recovered_in", [None, resilience.RECOVERY_LIMIT + 1])
def test_a_slow_or_missing_recovery_fails(recovered_in):
    run = good_run()
    run.recovered_in = recovered_in
    assert resilience.problems(run)


def test_an_outage_no_request_met_proves_nothing():
    run = good_run()
    run.outages = [(30, 33)]
    assert any("met the outage" in problem for problem in resilience.problems(run))
