"""What a lesson costs a trainee on a phone with little data, in every language, measured in Chromium.

Static files are served as in production: collected with production's storage (WhiteNoise's, hashed
names, .gz and .br beside each file) and handed out by WhiteNoise, not by the test server's own handler.
The browser runs with a font configuration that holds only DejaVu (a phone without Noto; the system's
aliases still make DejaVu Sans the sans-serif font): this machine
has the Noto fonts installed, and Chromium would otherwise take them through the `local()` sources and
download no web font at all, which is not what most phones do.

Counted: every response of the page (the HTML, its CSS, JavaScript and fonts) as transferred, i.e.
compressed and with its headers (Resource Timing's transferSize; 0 for what the browser's cache
answered). Media (the lesson's images, under MEDIA_URL) are left out, as the budget says.
The table is printed (run with -s to see it) and kept in tests/browser/screenshots/page-weight.txt.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS, SCREENSHOTS, demo_server, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}
TRAINEE = "trainee@example.org"
FIRST_VISIT_BUDGET = 150_000  # bytes transferred: HTML, CSS, JavaScript and fonts
REPEAT_VISIT_BUDGET = 20_000
# Google's "good" CLS is 0.1; text that moves when a font arrives is what this page must not do at all.
LAYOUT_SHIFT_BUDGET = 0.01

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir>
<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>
"""

# Added to every document before its first byte: the layout shifts of the whole visit, as the
# Cumulative Layout Shift metric counts them (shifts right after an input do not count).
WATCH_LAYOUT_SHIFTS = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""

TRANSFERS = """(mediaUrl) => [
    ...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource"),
].filter((e) => !new URL(e.name).pathname.startsWith(mediaUrl)).map((e) => ({
    url: e.name, kind: e.initiatorType, transferred: e.transferSize, decoded: e.decodedBodySize,
}))"""


def demo_facts() -> dict:
    """The trainee's first lesson in every language (its translation or its alias)."""
    from learning.models import Enrolment, LessonPage

    enrolment = (
        Enrolment.objects.filter(user__email=TRAINEE, status=Enrolment.Status.ACTIVE)
        .select_related("cohort__course")
        .first()
    )
    lesson = LessonPage.objects.live().descendant_of(enrolment.cohort.course).order_by("path").first()
    translations = LessonPage.objects.live().filter(translation_key=lesson.translation_key)
    lessons = {page.locale.language_code: page.url for page in translations.select_related("locale")}
    with_video = next(
        page
        for page in LessonPage.objects.live().filter(locale__language_code="en").order_by("path")
        if any(block.block_type == "video" for block in page.body)
    )
    return {
        "lessons": {code: lessons[code] for code, _name in settings.LANGUAGES},
        "video_lesson": with_video.url,
        "video_trainee": _enrolled_in(with_video),
    }


def _enrolled_in(lesson) -> str:
    from learning.models import CoursePage, Enrolment

    course = CoursePage.objects.ancestor_of(lesson).get()
    enrolment = Enrolment.objects.filter(cohort__course=course, status=Enrolment.Status.ACTIVE).first()
    return enrolment.user.email


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo served with production's static files (see the module's docstring)."""
    root = tmp_path_factory.mktemp("static")
    production = {"BACKEND": "core.static_storage.StaticStorage"}
    with override_settings(
        STATIC_ROOT=root,
        STORAGES={**settings.STORAGES, "staticfiles": production},
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        with demo_server(django_db_blocker, demo_facts, static_files_handler=False) as server:
            yield server


@pytest.fixture(scope="module")
def phone_browser(browser, tmp_path_factory):
    """Chromium that knows only the DejaVu fonts (see the module's docstring): a second browser of the
    session's Playwright (conftest.browser; a second Playwright cannot run beside the first one)."""
    folder = tmp_path_factory.mktemp("fontconfig")
    (folder / "fonts.conf").write_text(FONTS_CONF.format(cache=folder / "cache"))
    env = {**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf")}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    fonts_only = browser.browser_type.launch(executable_path=chromium, args=CHROMIUM_ARGS, env=env)
    yield fonts_only
    fonts_only.close()


def visit(page, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)  # a shift is reported after the frame that moved
    transfers = page.evaluate(TRANSFERS, settings.MEDIA_URL)
    by_kind: dict[str, int] = {}
    for transfer in transfers:
        kind = _kind(transfer["url"], transfer["kind"])
        by_kind[kind] = by_kind.get(kind, 0) + transfer["transferred"]
    return {
        "total": sum(t["transferred"] for t in transfers),
        "by_kind": by_kind,
        "decoded": sum(t["decoded"] for t in transfers),
        "shift": page.evaluate("window.__layoutShift"),
        "transfers": transfers,
    }


def _kind(url: str, initiator: str) -> str:
    path = url.split("?")[0]
    for suffix, kind in ((".css", "css"), (".js", "js"), (".woff2", "font")):
        if path.endswith(suffix):
            return kind
    return "html" if initiator == "navigation" else "other"


def test_the_lesson_is_light_in_every_language_on_a_first_and_a_repeat_visit(phone_browser, site):
    # Signed in once, elsewhere: the first visit below starts with the session only, and an empty cache.
    login = open_page(phone_browser, site, PHONE, email=TRAINEE)
    cookies = login.context.cookies()
    login.context.close()

    rows = []
    for code, url in site.lessons.items():
        context = phone_browser.new_context(base_url=site.url, viewport=PHONE, bypass_csp=True)
        context.add_cookies(cookies)
        context.add_init_script(WATCH_LAYOUT_SHIFTS)
        page = context.new_page()
        first = visit(page, url)
        repeat = visit(page, url)
        context.close()
        rows.append((code, first, repeat))

    table = _table(rows)
    print("\n" + table)
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "page-weight.txt").write_text(table + "\n")
    for code, first, repeat in rows:
        assert first["total"] <= FIRST_VISIT_BUDGET, (code, first["transfers"])
        assert repeat["total"] <= REPEAT_VISIT_BUDGET, (code, repeat["transfers"])
        assert first["shift"] <= LAYOUT_SHIFT_BUDGET, (code, first["shift"])


def _table(rows) -> str:
    lines = [
        "lesson page, bytes transferred (compressed, headers included; media excluded)",
        f"{'lang':<5}{'first':>9}{'html':>8}{'css':>8}{'js':>8}{'fonts':>8}{'unpacked':>10}{'repeat':>9}{'CLS':>8}",
    ]
    for code, first, repeat in rows:
        kinds = [first["by_kind"].get(kind, 0) for kind in ("html", "css", "js", "font")]
        lines.append(
            f"{code:<5}{first['total']:>9}{''.join(f'{n:>8}' for n in kinds)}"
            f"{first['decoded']:>10}{repeat['total']:>9}{first['shift']:>8.4f}"
        )
    return "\n".join(lines)


def test_with_the_browsers_data_saver_a_video_is_a_link_with_its_transcript_open(phone_browser, site):
    page = open_page(phone_browser, site, PHONE, email=site.video_trainee)
    page.context.set_extra_http_headers({"Save-Data": "on"})
    page.goto(site.video_lesson)

    video = page.locator("figure.video")
    expect(video.locator("iframe")).to_have_count(0)
    expect(video.get_by_role("link")).to_have_attribute("href", "https://www.youtube.com/watch?v=Qm4vE8kR2tA")
    expect(video.locator("details")).to_have_attribute("open", "")
    video.scroll_into_view_if_needed()
    screenshot(page, "lesson-video-save-data")

    page.context.set_extra_http_headers({})
    page.goto(site.video_lesson)
    expect(page.locator("figure.video iframe")).to_have_count(1)
    expect(page.locator("figure.video details")).not_to_have_attribute("open", "")
    page.context.close()
