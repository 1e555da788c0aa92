"""`make bench`: measure every scenario in-process and over HTTP, then load-test, with a
Celery worker running the tasks the requests queue.

    .venv/bin/python -m bench.run [--scale 0.05] [--quick] [--no-load]

Uses its own database (BENCH_DATABASE_URL, default peersupport_bench): created when
missing, migrated and seeded by bench.seed. Prints one table and writes the whole run to
bench/results/<UTC time>.json and bench/results/latest.json. Exits non-zero when a
scenario answers wrongly, the load test sees an error, an acknowledged post is lost, or
a queued fan-out failed or never ran; a missed budget is reported, not fatal (figures
from a busy machine are noisy).
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench"
WORKER_LOG = WORKDIR / "celery-worker.log"


def say(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="passed to bench.seed")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--no-load", action="store_true", help="skip the load test")
    parser.add_argument("--iterations", type=int, help="timed requests per scenario")
    parser.add_argument("--warmup", type=int, help="untimed requests first")
    parser.add_argument("--load-seconds", type=int, help="seconds per load level")
    parser.add_argument(
        "--users", default="16,64", help="concurrent users per load level (comma-separated)"
    )
    parser.add_argument(
        "--throughput-seconds", type=int, help="seconds wrk loads each page, per round"
    )
    args = parser.parse_args(argv)
    args.iterations = args.iterations or (5 if args.quick else 30)
    args.warmup = args.warmup if args.warmup is not None else (1 if args.quick else 3)
    args.load_seconds = args.load_seconds or (10 if args.quick else 60)
    args.users = [int(users) for users in args.users.split(",")]
    args.throughput_seconds = args.throughput_seconds or (2 if args.quick else 5)
    return args


def main(argv=None):
    args = parse_args(argv)
    load_at_start = list(os.getloadavg())
    started = datetime.datetime.now(datetime.UTC)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    django.setup()
    # Only now can the modules that use models be imported.
    from bench import database, report, scenarios

    database.ensure_database(os.environ["DATABASE_URL"])
    database.prepare(args.scale)
    # Cached pages from an earlier run may describe another seeding of the database.
    from django.core.cache import cache

    cache.clear()
    counts = database.data_counts()
    say(f"Data: {', '.join(f'{count:,} {name}' for name, count in counts.items())}")
    people = scenarios.users()
    targets = scenarios.find_targets(people)
    planned = scenarios.build(targets, people)
    results, load_results, left_in_queue = measure(args, people, targets, planned)
    throughput = measure_throughput(args, people, targets)
    worker = report.worker_figures(WORKER_LOG.read_text())

    rows = report.scenario_rows(results)
    print()
    print(report.scenario_table(rows))
    print()
    print(report.plans_table({name: result["plans"] for name, result in results.items()}))
    print()
    print(report.worker_table(worker))
    problems = report.worker_problems(worker, left_in_queue)
    if throughput:
        print()
        print(report.throughput_table(throughput))
        problems += report.throughput_problems(throughput)
    if load_results:
        print()
        print(report.load_table(load_results["levels"]))
        print(report.durability_line(load_results["durability"]))
        problems += report.load_problems(load_results)

    path = report.write_json(
        {
            "started_at": started.isoformat(),
            "finished_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "options": {key: getattr(args, key) for key in OPTIONS_RECORDED},
            "database": database.describe_url(os.environ["DATABASE_URL"]),
            "machine": {
                **database.machine_info(),
                "load_average_at_start": load_at_start,
                "load_average_at_end": list(os.getloadavg()),
            },
            "data": counts,
            "targets": vars(targets),
            "scenarios": {name: {**rows[name], "raw": results[name]} for name in results},
            "worker": worker,
            "load": load_results,
            "throughput": throughput,
            "budgets_met": report.budgets_met(rows),
            "problems": problems,
        },
        started.strftime("%Y%m%dT%H%M%SZ"),
    )
    print(f"\nResults: {path.relative_to(ROOT)} (and latest.json)")
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


OPTIONS_RECORDED = (
    "scale",
    "quick",
    "no_load",
    "iterations",
    "warmup",
    "load_seconds",
    "users",
    "throughput_seconds",
)


def measure(args, people, targets, planned):
    """One request at a time, in-process then over HTTP, on an otherwise idle machine:
    the tasks those requests queue (a reply's fan-out) wait in the broker, so each
    figure is the request's own. Then the Celery worker starts, works through them and
    stays for the load test, where it competes for the machine as in production.
    gunicorn and the worker are stopped at the end whatever happens. Returns the
    results, the load test's, and how many tasks the worker had not taken by then."""
    from bench import in_process, load, over_http, plans, server
    from bench.seed.accounts import BULK_PASSWORD

    # Tasks an interrupted run left behind would otherwise be run, and timed, as this
    # run's.
    server.empty_broker()
    say(f"In-process: {len(planned)} scenarios, {args.iterations} requests each")
    clients = in_process.clients(people)
    results = {
        scenario.name: {
            "budget_ms": scenario.budget_ms,
            "budget_queries": scenario.budget_queries,
            "in_process": in_process.measure(
                scenario, clients[scenario.role], args.iterations, args.warmup
            ),
        }
        for scenario in planned
    }
    say("Query plans: each scenario's SELECTs again, under EXPLAIN ANALYZE")
    sizes = plans.table_sizes()
    for scenario in planned:
        results[scenario.name]["plans"] = plans.explain(scenario, clients[scenario.role], sizes)
    load_results = None
    with server.gunicorn(WORKDIR / "gunicorn.log") as base_url:
        sessions = {
            role: over_http.sign_in(base_url, user.username if user else None, BULK_PASSWORD)
            for role, user in people.items()
        }
        say("Over HTTP, one request at a time")
        for scenario in planned:
            results[scenario.name]["http"] = over_http.measure(
                scenario, sessions[scenario.role], base_url, args.iterations, args.warmup
            )
        with server.celery_worker(WORKER_LOG):
            say("The worker runs the tasks those requests queued")
            server.wait_for_empty_queue()
            if not args.no_load:
                say(f"Load test: {args.users} users, {args.load_seconds} s each")
                load_results = load.run(
                    base_url, people, targets, args.users, args.load_seconds, WORKDIR
                )
            say("Waiting for the worker to empty the task queue")
            left_in_queue = server.wait_for_empty_queue()
    return results, load_results, left_in_queue


def measure_throughput(args, people, targets):
    """Requests a second per page under wrk (bench/throughput.py), on a gunicorn with
    reading open to visitors; None, with a word why, when wrk is not installed."""
    from bench import over_http, server, throughput
    from bench.seed.accounts import BULK_PASSWORD

    if not throughput.available():
        say("Throughput: skipped, wrk is not installed (apt-get install wrk)")
        return None
    log = WORKDIR / "gunicorn-throughput.log"
    with server.gunicorn(log, extra_env={"PUBLIC_READING": "1"}) as base_url:
        sessions = {
            role: over_http.sign_in(base_url, user.username if user else None, BULK_PASSWORD)
            for role, user in people.items()
        }
        say(f"Throughput: {throughput.ROUNDS} rounds, {args.throughput_seconds} s a page")
        rounds = throughput.measure(base_url, targets, sessions, args.throughput_seconds)
    return {"rounds": rounds, "summary": throughput.summary(rounds)}


if __name__ == "__main__":
    sys.exit(main())
