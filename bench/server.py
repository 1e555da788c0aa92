"""gunicorn for the HTTP measurements and the load test, and the Celery worker that runs
the tasks their requests queue: started with the bench settings, waited for, and always
stopped (with their child processes) when the block ends."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
# The worker in docs/deploy.md's systemd unit: Celery's default prefork pool with two
# processes, so one slow fan-out does not hold up the next as it would with one.
WORKER_POOL = "prefork"
WORKER_CONCURRENCY = 2
# Where kombu keeps a Redis queue's waiting messages, and those a worker has fetched but
# not started yet.
QUEUE_KEY = "celery"
UNACKED_KEY = "unacked"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_ready(process, base_url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        health = f"{base_url}/healthz"
        with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as answer:  # noqa: S310
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {base_url} within {timeout} s")


def _stop(process):
    """SIGTERM to the process's own group (gunicorn's master and workers, or Celery's
    and its pool), then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def _running(program, arguments, log_path, log_mode="ab", extra_env=None):
    """One of this venv's programs with the bench settings, in a process group of its
    own, its output in `log_path`; stopped with its children when the block ends."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **(extra_env or {})}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [str(Path(sys.executable).parent / program), *arguments]
    with open(log_path, log_mode) as log:
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
        )
        try:
            yield process
        finally:
            _stop(process)


@contextlib.contextmanager
def gunicorn(log_path, extra_env=None):
    """Yields the base URL. Persistent database connections come from CONN_MAX_AGE in
    bench.settings; `extra_env` adds settings from the environment."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    arguments = ["peersupport.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}"]
    arguments += ["--log-level", "warning"]
    with _running("gunicorn", arguments, log_path, extra_env=extra_env) as process:
        _wait_until_ready(process, base_url)
        yield base_url


def broker():
    """The benchmark's own Redis database for the task queue (bench.settings)."""
    return redis.Redis.from_url(settings.CELERY_BROKER_URL)


def empty_broker():
    """Drop every queued task: the broker's own database only (the cache has another)."""
    broker().flushdb()


def _wait_for_worker(process, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Celery worker exited with code {process.returncode}")
        if b" ready." in log_path.read_bytes():
            return
        time.sleep(0.2)
    raise RuntimeError(f"the Celery worker was not ready within {timeout} s (see {log_path})")


@contextlib.contextmanager
def celery_worker(log_path):
    """A worker on the benchmark's broker for the length of the block. The log is
    started afresh: the worker's figures (bench.report.worker_figures) are this run's."""
    arguments = ["-A", "peersupport", "worker", "--loglevel", "INFO", "--pool", WORKER_POOL]
    arguments += ["--concurrency", str(WORKER_CONCURRENCY), "--hostname", "bench@%h"]
    with _running("celery", arguments, log_path, log_mode="wb") as process:
        _wait_for_worker(process, log_path)
        yield


def wait_for_empty_queue(timeout=120, quiet_seconds=1.0):
    """Wait until the worker has started every queued task, so stopping it (which lets
    running tasks finish) loses none. Returns how many are still queued: 0 unless the
    timeout ran out. A running fan-out queues its emails as it ends, so the queue must
    stay empty for `quiet_seconds`, not just be seen empty once."""
    queue = broker()
    deadline = time.monotonic() + timeout
    empty_since = None
    while True:
        left = queue.llen(QUEUE_KEY) + queue.hlen(UNACKED_KEY)
        now = time.monotonic()
        if left:
            empty_since = None
        elif empty_since is None:
            empty_since = now
        elif now - empty_since >= quiet_seconds:
            return 0
        if now >= deadline:
            return left
        time.sleep(0.1)
