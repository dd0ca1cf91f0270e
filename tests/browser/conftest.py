"""Headless Chromium (Debian's, through Playwright) against the live test server.

Browser tests skip with a reason when no Chromium is installed, except on CI (REQUIRE_BROWSER=1),
where a missing browser is a failure rather than a silent skip.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from pytest_django.live_server_helper import LiveServer

from tests.demo_snapshot import put_demo

SCREENSHOTS = Path(__file__).parent / "screenshots"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium)")
        pytest.skip("Chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
    # browser steps are ordinary synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def site(browser, django_db_setup, django_db_blocker, request):
    """One live server over the demo for the whole module (see demo_server). The module's `demo_facts()`,
    if it has one, looks up and prepares what its tests need; it runs committed, before the server serves,
    so the server sees it on every database. The tests carry the plain django_db mark: what they write
    through the browser stays for the module's later tests, so each test uses people and objects of its own.
    """
    prepare = getattr(request.module, "demo_facts", dict)
    with demo_server(django_db_blocker, prepare) as server:
        yield server


@pytest.fixture
def page(browser, site):
    """A desktop page on the module's demo server, in a fresh browser context (its own cookies)."""
    page = open_page(browser, site, DESKTOP)
    yield page
    page.context.close()


@contextmanager
def demo_server(django_db_blocker, prepare=dict, static_files_handler=True):
    """One live server over the demo for a whole module of tests (the `site` fixture; its tests carry the
    django_db mark, which is what makes pytest-django set up the test database). The demo is committed so
    the server sees it, `prepare()` looks up and writes what the tests need before the server serves, and
    the database is flushed back to its migrated state at the end. Loading the demo takes most of a minute:
    it is loaded once per test process, and every later module gets the same committed rows (same ids,
    same sequences, same files) back from a snapshot in a second or two, which keeps the journeys
    affordable in CI.

    `static_files_handler=False` leaves static files to WhiteNoise, as in production (collected, hashed,
    compressed), instead of the test server's own handler, which serves them from the app folders as-is.
    """
    with django_db_blocker.unblock():
        connection = connections["default"]
        # What migrations made (locales, the root page, role groups), to put back after the module. No
        # test asks pytest-django to serialise it (none is transactional), so it is taken here.
        migrated = connection.creation.serialize_db_to_string()
        # Loaded and committed once per process, put back from its snapshot after (tests/demo_snapshot.py).
        put_demo(committed=True)
        facts = prepare()
        server = LiveServer("localhost", start=False)
        if not static_files_handler:
            server.thread.static_handler = _no_static_handler
        server.start()
        server._live_server_modified_settings.enable()
        try:
            yield SimpleNamespace(url=server.url, **facts)
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            # As Django's TransactionTestCase does: the flush must not recreate content types and
            # permissions first (they would be inserted twice when the migrated state comes back).
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(migrated)
            # The rows come back with their ids; on PostgreSQL the flush restarted the sequences, so the
            # next page or user would be given an id that is taken.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)


def _no_static_handler(handler):
    return handler


def open_page(browser, server, viewport, email=None, password=None, java_script=True):
    """A page in a fresh browser context (its own cookies), logged in as `email` when given."""
    from demo.data import DEMO_PASSWORD

    context = browser.new_context(
        base_url=server.url, bypass_csp=True, viewport=viewport, java_script_enabled=java_script
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    if email:
        page.goto("/en/accounts/login/")
        page.locator("#id_login").fill(email)
        page.locator("#id_password").fill(password or DEMO_PASSWORD)
        page.locator("form.allauth-form button[type=submit]").click()
        page.wait_for_url("**/accounts/profile/")
    return page


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA rules on the current page; returns readable violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
