"""The benchmark's own logic (`make bench`), on fixed numbers: no timing here."""

import json
import random

import pytest

from bench import TEMPLATES_DIR, plans, report, stats
from bench.bodies import UNIQUE_WORD_PREFIX, new_token, reply_body
from bench.middleware import server_timing
from bench.scenarios import Scenario, ScenarioFailed, check_response
from tests.factories import make_reply, make_thread


def measured(p50, p95, queries, budget_ms=None, budget_queries=None, http=None):
    result = {
        "budget_ms": budget_ms,
        "budget_queries": budget_queries,
        "in_process": {"p50": p50, "p95": p95, "queries": queries},
    }
    if http:
        result["http"] = {
            "server": {"p50": http[0], "p95": http[1]},
            "round_trip": {"p50": http[2]},
        }
    return result


RESULTS = {
    "home": measured(20.0, 30.0, 7, budget_ms=40, budget_queries=10, http=(22.0, 35.0, 24.5)),
    "thread of 200 posts": measured(
        60.0, 80.0, 12, budget_ms=50, budget_queries=10, http=(45.0, 70.0, 48.0)
    ),
    "baseline": measured(2.5, 3.0, 0, http=(2.0, 2.5, 3.0)),
}


def test_percentiles_interpolate_between_ranks():
    times = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert stats.percentile(times, 50) == 30.0
    assert stats.percentile(times, 95) == pytest.approx(48.0)
    assert stats.summarise([3.0, 1.0, 2.0, 4.0]) == {"p50": 2.5, "p95": pytest.approx(3.85), "n": 4}
    assert stats.percentile([7.0], 95) == 7.0


def test_each_figure_is_divided_by_the_baseline_median():
    rows = report.scenario_rows(RESULTS)
    assert rows["home"]["ratio_to_baseline"] == pytest.approx(8.0)
    assert rows["thread of 200 posts"]["ratio_to_baseline"] == pytest.approx(24.0)
    assert rows["baseline"]["ratio_to_baseline"] == 1.0
    assert stats.ratio(None, 2.5) is None


def test_budgets_are_checked_for_queries_and_both_server_times():
    rows = report.scenario_rows(RESULTS)
    home, thread = rows["home"], rows["thread of 200 posts"]
    assert (home["queries_ok"], home["time_ok"], home["http_time_ok"]) == (True, True, True)
    assert (thread["queries_ok"], thread["time_ok"], thread["http_time_ok"]) == (
        False,
        False,
        True,
    )
    assert rows["baseline"]["time_ok"] is None
    assert report.budgets_met(rows) is False
    assert report.budgets_met({"home": home, "baseline": rows["baseline"]}) is True


def test_the_table_shows_each_figure_beside_its_budget():
    lines = report.scenario_table(report.scenario_rows(RESULTS)).splitlines()
    assert lines[0].split("  ")[0] == "scenario"
    assert "ratio to baseline" in lines[0]
    assert set(lines[1]) == {"-", " "}
    home = next(line for line in lines if line.startswith("home"))
    assert "7 ✓ ≤10" in home
    assert "20.0 / 30.0 ✓ ≤40" in home
    assert "22.0 / 35.0 ✓ ≤40" in home
    assert home.rstrip().endswith("8.0")
    thread = next(line for line in lines if line.startswith("thread of 200 posts"))
    assert "12 ✗ ≤10" in thread
    assert "60.0 / 80.0 ✗ ≤50" in thread
    assert "45.0 / 70.0 ✓ ≤50" in thread
    # Columns line up: every row starts its second column where the header does.
    column = lines[0].index("queries")
    assert all(line[column - 2 : column] == "  " for line in lines[2:])


def test_a_scenario_without_http_figures_shows_dashes():
    rows = report.scenario_rows({"baseline": measured(2.5, 3.0, 0)})
    line = report.scenario_table(rows).splitlines()[2]
    assert "— / —" in line


def test_the_load_table_and_the_durability_line():
    levels = [
        {
            "users": 16,
            "requests_per_second": 41.25,
            "p50": 23.0,
            "p95": 80.0,
            "p99": 150.0,
            "requests": 2475,
            "errors": 0,
        },
        {
            "users": 64,
            "requests_per_second": 55.0,
            "p50": 410.0,
            "p95": 900.0,
            "p99": None,
            "requests": 3300,
            "errors": 2,
        },
    ]
    lines = report.load_table(levels).splitlines()
    assert lines[0].split() == [
        "users",
        "requests/s",
        "p50",
        "ms",
        "p95",
        "ms",
        "p99",
        "ms",
        "requests",
        "errors",
    ]
    assert lines[2].split() == ["16", "41.2", "23.0", "80.0", "150.0", "2475", "0"]
    assert lines[3].split() == ["64", "55.0", "410.0", "900.0", "—", "3300", "2"]
    line = report.durability_line({"acknowledged": 12, "found": 11, "lost": 1})
    assert line == "acknowledged 12 posts, found 11, lost 1"


WORKER_LOG = """\
[2026-11-26 10:00:01,204: INFO/MainProcess] bench@host ready.
[2026-11-26 10:00:02,310: INFO/MainProcess] Task forum.tasks.notify_reply[5f0c9a1e-1] received
[2026-11-26 10:00:02,331: INFO/ForkPoolWorker-1] Task forum.tasks.notify_reply[5f0c9a1e-1] \
succeeded in 0.02s: 161
[2026-11-26 10:00:02,402: INFO/ForkPoolWorker-2] Task forum.tasks.email_reply_notifications\
[77aa01b2-2] succeeded in 0.5s: 3
[2026-11-26 10:00:02,512: INFO/ForkPoolWorker-1] Task forum.tasks.notify_reply[0d3e7c44-3] \
succeeded in 0.04s: 0
[2026-11-26 10:00:02,630: INFO/ForkPoolWorker-2] Task forum.tasks.notify_reply[9b8f2d10-4] \
succeeded in 0.03s: 12
[2026-11-26 10:00:02,711: INFO/ForkPoolWorker-1] Task forum.tasks.notify_reply[c4a5e6f7-5] \
succeeded in 9.5e-05s: 2
[2026-11-26 10:00:03,020: WARNING/ForkPoolWorker-2] Task forum.tasks.notify_reply[e1f2a3b4-6] \
retry: Retry in 5s: OperationalError('the database is away')
[2026-11-26 10:00:08,100: ERROR/ForkPoolWorker-2] Task forum.tasks.notify_reply[e1f2a3b4-6] \
raised unexpected: OperationalError('the database is away')
Traceback (most recent call last):
  File "celery/app/trace.py", line 453, in trace_task
[2026-11-26 10:00:08,200: ERROR/ForkPoolWorker-1] Task forum.tasks.email_reply_notifications\
[aa00bb11-7] raised unexpected: ConnectionRefusedError(111, 'Connection refused')
"""


def test_the_worker_log_gives_the_fan_out_time_and_the_notifications_it_made():
    figures = report.worker_figures(WORKER_LOG)
    assert list(figures) == ["forum.tasks.notify_reply"]
    notify = figures["forum.tasks.notify_reply"]
    # 0.095, 20, 30 and 40 ms: the email task's half second is not among them.
    assert notify["p50"] == pytest.approx(25.0)
    assert notify["p95"] == pytest.approx(38.5)
    assert notify["n"] == 4
    assert notify["median_notified"] == 7
    # A retry that later failed is one failure; the email task's failure is not counted.
    assert notify["failed"] == 1


def test_a_worker_that_ran_no_fan_out_shows_dashes():
    figures = report.worker_figures("[2026-11-26 10:00:01,204: INFO/MainProcess] ready.\n")
    assert figures == {
        "forum.tasks.notify_reply": {
            "p50": None,
            "p95": None,
            "n": 0,
            "median_notified": None,
            "failed": 0,
        }
    }
    assert report.worker_table(figures).splitlines()[2].split() == [
        "forum.tasks.notify_reply",
        "—",
        "—",
        "0",
        "0",
        "—",
    ]


def test_the_worker_table_and_its_problems():
    figures = report.worker_figures(WORKER_LOG)
    lines = report.worker_table(figures).splitlines()
    assert lines[0].split("  ")[0] == "worker task"
    assert "median notified" in lines[0]
    assert lines[2].split() == ["forum.tasks.notify_reply", "25.0", "38.5", "4", "1", "7"]
    assert report.worker_problems(figures, left_in_queue=0) == [
        "1 forum.tasks.notify_reply tasks failed in the worker"
    ]
    clean = {"forum.tasks.notify_reply": {**figures["forum.tasks.notify_reply"], "failed": 0}}
    assert report.worker_problems(clean, left_in_queue=0) == []
    assert report.worker_problems(clean, left_in_queue=3) == [
        "3 tasks were still queued when the worker stopped"
    ]


def test_results_are_written_with_a_timestamp_and_as_latest(tmp_path):
    result = {"scenarios": report.scenario_rows(RESULTS), "note": "ünïcode ✓"}
    path = report.write_json(result, "20260101T120000Z", directory=tmp_path)
    assert path == tmp_path / "20260101T120000Z.json"
    assert json.loads(path.read_text()) == json.loads((tmp_path / "latest.json").read_text())
    assert json.loads(path.read_text())["scenarios"]["home"]["ratio_to_baseline"] == 8.0


def test_a_wrong_answer_fails_the_scenario_instead_of_being_timed():
    page = Scenario("home", "reader", lambda: ("/", None))
    check_response(page, 200, None)
    with pytest.raises(ScenarioFailed, match="expected HTTP 200, got 302"):
        check_response(page, 302, "/accounts/login/")
    post = Scenario("reply", "writer", lambda: ("/", {}), 302, "/threads/5/")
    check_response(post, 302, "/threads/5/#post-9")
    with pytest.raises(ScenarioFailed, match="redirect to /threads/5/"):
        check_response(post, 302, "/posts/9/waiting/")


def test_server_timing_header_reports_the_time_spent():
    response = server_timing(lambda request: {})(object())
    assert response["Server-Timing"].startswith("app;dur=")
    assert float(response["Server-Timing"].removeprefix("app;dur=")) >= 0


@pytest.fixture
def bench_templates(settings):
    template = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**template, "DIRS": [*template["DIRS"], TEMPLATES_DIR]}]


@pytest.mark.urls("bench.urls")
def test_the_baseline_renders_fifty_rows_without_the_database(client, bench_templates):
    # No `db` fixture: any query would raise here.
    response = client.get("/bench/baseline/")
    assert response.status_code == 200
    assert response.content.decode().count("<tr><td>") == 50


@pytest.mark.urls("bench.urls")
def test_the_bare_page_reads_fifty_rows_in_one_query(
    client, db, bench_templates, django_assert_num_queries
):
    thread = make_thread(body="The first of many")
    for number in range(60):
        make_reply(thread, body=f"Reply {number}")
    with django_assert_num_queries(1):
        response = client.get("/bench/bare/")
    page = response.content.decode()
    assert page.count("<tr><td>") == 50
    assert "Reply 59" in page and "The first of many" not in page


@pytest.mark.urls("bench.urls")
def test_bench_urls_keep_every_page_of_the_site(client, db):
    assert client.get("/healthz").status_code == 200


def test_bodies_are_about_600_characters_and_carry_their_token():
    rng = random.Random(7)
    for _ in range(20):
        token = new_token(rng)
        body = reply_body(rng, token)
        assert token in body
        assert token.startswith(UNIQUE_WORD_PREFIX) and token.isalpha()
        assert 500 <= len(body) <= 700


def test_a_bench_reply_is_published_at_once(member_client):
    """The reply scenario times a published reply; a body that screening held or asked
    about would time something else."""
    thread = make_thread()
    rng = random.Random(3)
    for _ in range(5):
        response = member_client.post(
            f"/threads/{thread.pk}/reply/", {"body": reply_body(rng, new_token(rng))}
        )
        assert response.status_code == 302
        assert response["Location"].startswith(f"/threads/{thread.pk}/?page=last#post-")


def test_failed_requests_and_lost_posts_fail_the_run():
    level = {"users": 16, "errors": 0}
    clean = {"levels": [level], "durability": {"acknowledged": 3, "found": 3, "lost": 0}}
    assert report.load_problems(clean) == []
    broken = {
        "levels": [level, {"users": 64, "errors": 2}],
        "durability": {"acknowledged": 3, "found": 2, "lost": 1},
    }
    assert report.load_problems(broken) == [
        "2 failed requests at 64 users",
        "1 acknowledged posts are not in the database",
    ]


def scan(table, rows, removed=0, loops=1):
    return {
        "Node Type": "Seq Scan",
        "Relation Name": table,
        "Actual Rows": rows,
        "Rows Removed by Filter": removed,
        "Actual Loops": loops,
    }


def test_whole_reads_of_growing_tables_are_named_with_the_rows_they_read():
    plan = {
        "Node Type": "Aggregate",
        "Plans": [
            {
                "Node Type": "Hash Join",
                "Plans": [scan("forum_thread", 5000, removed=333), scan("forum_board", 20)],
            },
            {"Node Type": "Nested Loop", "Plans": [scan("moderation_case", 10, loops=300)]},
            {"Node Type": "Index Scan", "Relation Name": "forum_post", "Index Name": "pkey"},
        ],
    }
    sizes = {"forum_thread": 5333, "forum_board": 20, "moderation_case": 2000, "forum_post": 10**5}
    assert plans.sequential_scans(plan, sizes) == [
        ("forum_thread", 5333),
        ("moderation_case", 3000),
    ]


def test_the_plans_table_names_each_table_read_whole():
    table = report.plans_table(
        {
            "home": {"selects": 3, "slowest_ms": 0.104, "sequential_scans": []},
            "notifications": {
                "selects": 4,
                "slowest_ms": 1.68,
                "sequential_scans": [{"table": "forum_thread", "rows_read": 5333}],
            },
        }
    )
    lines = table.splitlines()
    assert lines[2].split() == ["home", "3", "0.10", "—"]
    assert lines[3].split() == ["notifications", "4", "1.68", "forum_thread", "(5,333", "rows)"]


def test_each_select_a_scenario_makes_is_explained(member_client, member):
    thread = make_thread(author=member)
    page = Scenario("thread", "reader", lambda: (f"/threads/{thread.pk}/", None))
    explained = plans.explain(page, member_client, {})
    assert explained["selects"] >= 3 and explained["slowest_ms"] > 0
    wrong = Scenario("thread", "reader", lambda: ("/threads/0/", None))
    with pytest.raises(ScenarioFailed, match="got 404"):
        plans.explain(wrong, member_client, {})
