"""The results: one table on the terminal, the whole run as JSON in bench/results/."""

import json
import re
import statistics
from pathlib import Path

from .stats import ratio, summarise, within

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BASELINE = "baseline"


def mark(value, budget, unit=""):
    """ "✓ ≤40" or "✗ ≤40" beside a figure that has a budget, nothing otherwise."""
    verdict = within(value, budget)
    if verdict is None:
        return ""
    return f"{'✓' if verdict else '✗'} ≤{budget:g}{unit}"


def ms(value):
    return "—" if value is None else f"{value:.1f}"


def scenario_rows(results):
    """Per scenario: its figures, its ratio to the baseline (in-process p50) and whether
    it met its budgets. `results` maps a name to its measurements, baseline included."""
    baseline = results[BASELINE]["in_process"]["p50"]
    rows = {}
    for name, result in results.items():
        in_process = result["in_process"]
        http = result.get("http")
        server = http["server"] if http else {}
        rows[name] = {
            "queries": in_process["queries"],
            "budget_queries": result["budget_queries"],
            "budget_ms": result["budget_ms"],
            "in_process": {"p50": in_process["p50"], "p95": in_process["p95"]},
            "http_server": {"p50": server.get("p50"), "p95": server.get("p95")},
            "round_trip": {"p50": http["round_trip"]["p50"] if http else None},
            "ratio_to_baseline": ratio(in_process["p50"], baseline),
            "queries_ok": within(in_process["queries"], result["budget_queries"]),
            "time_ok": within(in_process["p50"], result["budget_ms"]),
            "http_time_ok": within(server.get("p50"), result["budget_ms"]),
        }
    return rows


HEADERS = [
    "scenario",
    "queries",
    "in-process p50 / p95 ms",
    "HTTP server p50 / p95 ms",
    "round-trip p50 ms",
    "ratio to baseline",
]


def scenario_table(rows):
    lines = []
    for name, row in rows.items():
        budget = row["budget_ms"]
        lines.append(
            [
                name,
                f"{row['queries']} {mark(row['queries'], row['budget_queries'])}".strip(),
                f"{ms(row['in_process']['p50'])} / {ms(row['in_process']['p95'])} "
                f"{mark(row['in_process']['p50'], budget)}".strip(),
                f"{ms(row['http_server']['p50'])} / {ms(row['http_server']['p95'])} "
                f"{mark(row['http_server']['p50'], budget)}".strip(),
                ms(row["round_trip"]["p50"]),
                "—" if row["ratio_to_baseline"] is None else f"{row['ratio_to_baseline']:.1f}",
            ]
        )
    return format_table(HEADERS, lines)


LOAD_HEADERS = ["users", "requests/s", "p50 ms", "p95 ms", "p99 ms", "requests", "errors"]


def load_table(levels):
    lines = [
        [
            str(level["users"]),
            f"{level['requests_per_second']:.1f}",
            ms(level["p50"]),
            ms(level["p95"]),
            ms(level["p99"]),
            str(level["requests"]),
            str(level["errors"]),
        ]
        for level in levels
    ]
    return format_table(LOAD_HEADERS, lines)


def durability_line(check):
    return (
        f"acknowledged {check['acknowledged']} posts, found {check['found']}, lost {check['lost']}"
    )


NOTIFY_REPLY = "forum.tasks.notify_reply"
# Celery's INFO log, one line per task run (celery.app.trace):
#   Task forum.tasks.notify_reply[<id>] succeeded in 0.0231s: 161
#   Task forum.tasks.notify_reply[<id>] raised unexpected: OperationalError(...)
TASK_SUCCEEDED = re.compile(
    r"Task (?P<task>[\w.]+)\[[^\]]*\] succeeded in (?P<seconds>[\d.]+(?:e-?\d+)?)s: "
    r"(?P<result>-?\d+)"
)
TASK_FAILED = re.compile(r"Task (?P<task>[\w.]+)\[[^\]]*\] (?:raised|INTERNAL ERROR)")


def worker_figures(log_text):
    """The worker's own time for telling a reply's followers, from its log: p50/p95 in
    ms, how many ran, how many failed, and the median number of notifications each made
    (the task's return value)."""
    times, notified = [], []
    for match in TASK_SUCCEEDED.finditer(log_text):
        if match["task"] == NOTIFY_REPLY:
            times.append(float(match["seconds"]) * 1000)
            notified.append(int(match["result"]))
    failed = sum(match["task"] == NOTIFY_REPLY for match in TASK_FAILED.finditer(log_text))
    if not times:
        figures = {"p50": None, "p95": None, "n": 0, "median_notified": None}
    else:
        figures = {**summarise(times), "median_notified": statistics.median(notified)}
    return {NOTIFY_REPLY: {**figures, "failed": failed}}


WORKER_HEADERS = ["worker task", "p50 ms", "p95 ms", "tasks", "failed", "median notified"]


def worker_table(figures):
    lines = []
    for task, task_figures in figures.items():
        median = task_figures["median_notified"]
        lines.append(
            [
                task,
                ms(task_figures["p50"]),
                ms(task_figures["p95"]),
                str(task_figures["n"]),
                str(task_figures["failed"]),
                "—" if median is None else f"{median:g}",
            ]
        )
    return format_table(WORKER_HEADERS, lines)


def worker_problems(figures, left_in_queue):
    """What makes the run fail: a task that failed (followers never told) or tasks the
    worker never took."""
    problems = [
        f"{task_figures['failed']} {task} tasks failed in the worker"
        for task, task_figures in figures.items()
        if task_figures["failed"]
    ]
    if left_in_queue:
        problems.append(f"{left_in_queue} tasks were still queued when the worker stopped")
    return problems


PLANS_HEADERS = ["scenario", "SELECTs explained", "slowest in PostgreSQL ms", "read whole"]


def plans_table(plans):
    """Per scenario, from bench/plans.py: the growing tables its queries read from end
    to end, and how many rows each read."""
    lines = []
    for name, plan in plans.items():
        scans = ", ".join(
            f"{scan['table']} ({scan['rows_read']:,} rows)" for scan in plan["sequential_scans"]
        )
        lines.append([name, str(plan["selects"]), f"{plan['slowest_ms']:.2f}", scans or "—"])
    return format_table(PLANS_HEADERS, lines)


def format_table(headers, lines):
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *lines, strict=True)
    ]

    def row(cells):
        return "  ".join(
            str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    return "\n".join(
        [row(headers), row(["-" * width for width in widths])] + [row(line) for line in lines]
    )


def write_json(result, stamp, directory=RESULTS_DIR):
    """bench/results/<stamp>.json and latest.json; returns the first path."""
    directory.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    path = directory / f"{stamp}.json"
    path.write_text(text)
    (directory / "latest.json").write_text(text)
    return path


def budgets_met(rows):
    """False if any figure with a budget missed it (queries, in-process or HTTP time)."""
    verdicts = [
        row[key]
        for row in rows.values()
        for key in ("queries_ok", "time_ok", "http_time_ok")
        if row[key] is not None
    ]
    return all(verdicts)


def load_problems(load_results):
    """What makes the run fail: any failed request, any acknowledged post not found."""
    problems = [
        f"{level['errors']} failed requests at {level['users']} users"
        for level in load_results["levels"]
        if level["errors"]
    ]
    lost = load_results["durability"]["lost"]
    if lost:
        problems.append(f"{lost} acknowledged posts are not in the database")
    return problems


# DESIGN.md's throughput targets, as a ratio to the bare view's requests a second.
THROUGHPUT_TARGETS = {"member's thread page": 0.6, "visitor's thread page": 3.0}


def throughput_table(throughput):
    lines = []
    for name, figures in throughput["summary"].items():
        target = THROUGHPUT_TARGETS.get(name)
        ratio = f"{figures['ratio']:.2f}x"
        if target is not None:
            ratio = f"{ratio} {'✓' if figures['ratio'] >= target else '✗'} ≥{target}x"
        lines.append(
            [
                name,
                f"{figures['rps']:.1f}",
                f"{figures['p50_ms']:.1f}",
                f"{figures['p99_ms']:.1f}",
                figures["errors"],
                ratio,
            ]
        )
    headers = ["page (wrk, 16 connections)", "requests/s", "p50 ms", "p99 ms", "errors"]
    return format_table([*headers, "ratio to bare view"], lines)


def throughput_problems(throughput):
    """Failed requests under wrk fail the run; a missed ratio is reported, not fatal."""
    return [
        f"{figures['errors']} failed requests under wrk on {name}"
        for name, figures in throughput["summary"].items()
        if figures["errors"]
    ]
