"""The benchmark's throughput table: wrk's report read right, ratios to the bare view
taken within each round, and the targets marked."""

from bench import report, throughput

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/threads/7/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    52.10ms   10.02ms 120.00ms   70.00%
    Req/Sec   153.20     20.10   200.00     68.00%
  Latency Distribution
     50%   50.25ms
     75%   58.00ms
     90%   66.00ms
     99%    1.20s
  1532 requests in 5.00s, 40.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    306.40
Transfer/sec:      8.00MB
"""


def test_wrks_report_is_read_with_its_units():
    assert throughput.parse(WRK_OUTPUT) == {
        "rps": 306.4,
        "p50_ms": 50.25,
        "p99_ms": 1200.0,
        "errors": 7,
    }


def test_ratios_are_to_the_bare_view_of_the_same_round(monkeypatch):
    targets = type("Targets", (), {"thread_200": 7, "board_slug": "b", "case": 3})()
    # Per round: the bare view, a member's and a visitor's thread page, then the rest.
    others = len(throughput.pages(targets)) - 3
    rates = iter([1000.0, 500.0, 3000.0, *[100.0] * others] * 2)
    monkeypatch.setattr(
        throughput,
        "load",
        lambda *args: {"rps": next(rates), "p50_ms": 1.0, "p99_ms": 2.0, "errors": 0},
    )
    rounds = throughput.measure("http://x", targets, {}, seconds=1, rounds=2)
    assert [r["ratio"] for r in rounds["member's thread page"]] == [0.5, 0.5]
    summary = throughput.summary(rounds)
    assert summary["visitor's thread page"]["ratio"] == 3.0
    table = report.throughput_table({"summary": summary})
    assert "0.50x ✗ ≥0.6x" in table
    assert "3.00x ✓ ≥3.0x" in table
    assert report.throughput_problems({"summary": summary}) == []
