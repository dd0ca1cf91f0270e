"""The Wagtail admin works under its Content Security Policy, which allows no inline script.

A real browser walks the admin as an administrator with the policy enforced (no `bypass_csp`): the page
explorer, a lesson with a quiz in the editor and its preview panel, the image chooser, snippets with
inline panels and date fields, the settings, wagtail-localize's translation editor and the reports.
Every `securitypolicyviolation` event, in any frame, is recorded; a script violation fails the test,
and each step also checks that what the script does happened (a modal opened, a form row was added).
"""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale, Site

from demo.data import DEMO_PASSWORD
from learning.models import LessonPage
from tests.browser.conftest import DESKTOP, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = "admin-csp"

RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile,
        line: event.lineNumber,
        page: document.location.pathname,
    });
});
"""


def demo_facts():
    from wagtail_localize.operations import translate_object

    from toolkits.models import Organisation, Pairing, ToolkitPage

    english, french = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="fr")
    quiz_lesson = next(
        lesson
        for lesson in LessonPage.objects.filter(locale=english).order_by("path")
        if any(block.block_type == "quiz" for block in lesson.body)
    )
    # A page translated with wagtail-localize (not an alias): its French edit view is the translation
    # editor.
    about = quiz_lesson.get_parent().specific
    translate_object(about, [french])
    translated = about.get_translation(french)
    return {
        "quiz_lesson": quiz_lesson.pk,
        "translated": translated.pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "organisation": Organisation.objects.order_by("pk").first().pk,
        "pairing": Pairing.objects.order_by("pk").first().pk,
        "toolkit": ToolkitPage.objects.filter(locale=english).order_by("path").first().pk,
    }


@pytest.fixture
def admin(browser, site):
    """An administrator's page with the CSP enforced, and the violations it meets."""
    context = browser.new_context(base_url=site.url, viewport=DESKTOP)
    violations = []
    context.expose_binding("__cspViolation", lambda _source, violation: violations.append(violation))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill("admin@example.org")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")
    page.violations = violations
    yield page
    context.close()


def visit(page, path: str, name: str):
    response = page.goto(path)
    assert response.status == 200, (path, response.status)
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{SHOTS}-{name}")
    return response


def script_violations(page) -> list[dict]:
    return [v for v in page.violations if v["directive"].startswith("script-src")]


def test_the_admin_walk_meets_no_script_violation(admin, site):
    page = admin
    try:
        walk_the_admin(page, site)
    finally:
        print(f"\nCSP violations met in the admin walk: {len(page.violations)}")
        for violation in page.violations:
            print("  ", violation)
    assert script_violations(page) == []


def walk_the_admin(page, site):
    response = visit(page, "/admin/", "dashboard")
    policy = response.headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]

    visit(page, "/admin/pages/", "explorer")
    page.locator("a", has_text="Home").first.click()
    page.wait_for_load_state("networkidle")

    # A lesson with a quiz in the editor, then its preview in the side panel.
    visit(page, f"/admin/pages/{site.quiz_lesson}/edit/", "lesson-editor")
    expect(page.locator("[data-contentpath='body']").first).to_be_visible()
    page.locator("[data-side-panel-toggle='preview']").click()
    # The panel loads the preview in a second frame and swaps it in once loaded (same origin).
    page.wait_for_function(
        """() => [...document.querySelectorAll("iframe.w-preview__iframe")]
            .some((frame) => frame.contentDocument && frame.contentDocument.querySelector("main h1"))"""
    )
    screenshot(page, f"{SHOTS}-lesson-preview")

    # The image chooser, from the certificate issuer's logo (chosen already in the demo: "Change image").
    visit(page, f"/admin/settings/home/issuersettings/{site.site}/", "issuer-settings")
    # The demo chose a logo: Wagtail 8 then offers "Change image" in the chooser's Actions menu.
    chooser = page.locator(".chooser").first
    if chooser.locator(".chooser__choose-button:visible").count():
        chooser.locator(".chooser__choose-button").click()
    else:
        chooser.get_by_role("button", name="Actions").click()
        chooser.locator("[data-chooser-action-choose]:visible").first.click()
    expect(page.locator(".modal-dialog")).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{SHOTS}-image-chooser")
    page.keyboard.press("Escape")

    # Snippets: the listing, an organisation with its members (an inline panel), a pairing (dates).
    visit(page, "/admin/snippets/", "snippets")
    visit(page, f"/admin/snippets/toolkits/organisation/edit/{site.organisation}/", "organisation")
    count_rows = """() => [...document.querySelectorAll("[id^='inline_child_memberships-']")]
        .filter((row) => /^inline_child_memberships-\\d+$/.test(row.id)).length"""
    before = page.evaluate(count_rows)
    page.get_by_role("button", name="Add Member").click()
    page.wait_for_function(f"() => ({count_rows})() === {before + 1}")
    screenshot(page, f"{SHOTS}-organisation-member-added")
    visit(page, f"/admin/snippets/toolkits/pairing/edit/{site.pairing}/", "pairing")
    page.locator("#id_starts_on").click()
    expect(page.locator(".xdsoft_datetimepicker").first).to_be_visible()

    # A toolkit page: inline panel of documents with their choosers.
    visit(page, f"/admin/pages/{site.toolkit}/edit/", "toolkit-editor")

    # wagtail-localize: the translation editor of a translated page, and its submit screen.
    visit(page, f"/admin/pages/{site.translated}/edit/", "translation-editor")
    expect(page.get_by_role("button", name="Publish in Français")).to_be_visible()
    # The demo's French pages are translated segment by segment (demo/localize.py): each says "Edit".
    page.get_by_role("button", name=re.compile("^(Translate|Edit)$")).first.click()
    expect(page.locator(".js-translation-editor textarea").first).to_be_visible()
    visit(page, f"/admin/localize/submit/page/{site.quiz_lesson}/", "submit-translation")

    for report in (
        "locked",
        "workflow",
        "workflow_tasks",
        "site-history",
        "aging-pages",
        "page-types-usage",
        "action-plans",
        "toolkit-downloads",
    ):
        visit(page, f"/admin/reports/{report}/", f"report-{report}")
    visit(page, "/admin/localize/reports/translations/", "report-translations")
