"""Playwright drives Debian's Chromium (never a downloaded browser) against one live server."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            # Browser tests flush the database when they end: bring the migrations' data
            # (crisis resources, groups, guide pages) back for the next one.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def default_crisis_resources(transactional_db):
    """The shipped crisis resources, whatever an earlier transactional test flushed."""
    from django.core.cache import cache

    from peersupport.signposting.defaults import ensure_default_resources
    from peersupport.signposting.models import CrisisResource

    ensure_default_resources(CrisisResource)
    cache.clear()
