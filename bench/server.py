"""gunicorn for the HTTP measurements and the load test: started with the bench
settings, waited for, and always stopped (with its workers) when the block ends."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2


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
    """SIGTERM to gunicorn's own process group (master and workers), then SIGKILL."""
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
def gunicorn(log_path):
    """Yields the base URL. Persistent database connections come from CONN_MAX_AGE in
    bench.settings."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "peersupport.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
        )
        try:
            _wait_until_ready(process, base_url)
            yield base_url
        finally:
            _stop(process)
