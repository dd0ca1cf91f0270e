"""The city official's journey (DESIGN §1), in a real browser, with accessibility checks and screenshots:
browse and download toolkits without an account → start a plan from a template → fill it (autosave) →
get feedback from the mentor city → resolve it → export → publish it as a case."""

import re

import pytest
from playwright.sync_api import expect

from demo.data import DEMO_PASSWORD
from tests.browser.conftest import accessibility_violations, open_page, screenshot
from toolkits.models import ActionPlan, DownloadEvent

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def log_in(page, email: str, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")


def log_out(page) -> None:
    page.get_by_role("button", name=re.compile("Log out|Se déconnecter")).click()


def assert_accessible(page) -> None:
    assert accessibility_violations(page) == [], page.url


def test_city_official_journey(page):
    # Without an account: the library, a filter, a toolkit, a download.
    page.goto("/en/")
    page.get_by_role("link", name="Toolkits", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toolkits")
    screenshot(page, "t01-library-en")
    assert_accessible(page)
    page.get_by_label("Theme").select_option("migrant-entrepreneurship")
    page.get_by_role("button", name="Show toolkits").click()
    expect(page.locator(".toolkit-list .card")).to_have_count(1)
    page.locator(".toolkit-list").get_by_role("link", name=re.compile("Lisbon")).click()
    screenshot(page, "t02-toolkit-lisbon")
    assert_accessible(page)
    downloads = DownloadEvent.objects.count()
    with page.expect_download() as download:
        page.locator("a[download]").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert DownloadEvent.objects.count() == downloads + 1

    # Signed in: start a plan from the template the toolkit points to.
    log_in(page, "city@example.org")
    page.goto("/en/toolkits/gdansk/")
    page.get_by_role("link", name="City action plan for inclusion").click()
    screenshot(page, "t03-template")
    assert_accessible(page)
    page.get_by_role("link", name="Start an action plan from this template").click()
    page.get_by_label("Title of your plan").fill("Gdańsk: housing for newcomers")
    page.get_by_role("button", name="Start the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gdańsk: housing for newcomers")
    plan = ActionPlan.objects.get(title="Gdańsk: housing for newcomers")
    screenshot(page, "t04-plan-draft")
    assert_accessible(page)

    # A section saves itself while typing (htmx), and a table row with dates in the wrong order is refused.
    page.get_by_role("link", name=re.compile(r"Edit\s*:\s*Where we stand today")).click()
    page.get_by_label("Where we stand today").fill("Rents rose by 30% since 2022; newcomers share flats.")
    expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=10_000)
    screenshot(page, "t05-section-autosaved")
    assert_accessible(page)
    page.goto(f"/en/plans/{plan.public_id}/")
    page.get_by_role("link", name=re.compile(r"Edit\s*:\s*Actions")).click()
    page.locator("input[name$='-0-action']").fill("Open a housing advice desk")
    page.locator("input[name$='-0-start']").fill("2026-09-01")
    page.locator("input[name$='-0-end']").fill("2026-03-01")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The end date must be on or after the start date.")).to_be_visible()
    assert page.locator("input[name$='-0-action']").input_value() == "Open a housing advice desk"
    screenshot(page, "t06-actions-error")
    assert_accessible(page)
    page.locator("input[name$='-0-end']").fill("2027-03-01")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#save-status")).to_contain_text("Saved at")

    # Share for feedback: the mentor city (Lisbon) reviews and comments.
    page.goto(f"/en/plans/{plan.public_id}/share/")
    page.get_by_label("City of Dresden").check()
    page.get_by_role("button", name="Share", exact=True).click()
    expect(page.get_by_text("Your plan is shared for feedback.")).to_be_visible()
    log_out(page)
    log_in(page, "lisbon@example.org")
    page.goto("/en/plans/")
    page.get_by_role("link", name="Gdańsk: housing for newcomers").click()
    page.get_by_role("link", name=re.compile(r"Read and comment\s*:\s*Where we stand today")).click()
    assert page.locator("#section-form").count() == 0
    page.get_by_label("Your comment").fill("Which districts? Our desks started where rents rose most.")
    page.get_by_role("button", name="Add comment").click()
    screenshot(page, "t07-reviewer-comment")
    assert_accessible(page)
    log_out(page)

    # The team resolves the comment, exports, finalises and publishes.
    log_in(page, "city@example.org")
    page.goto(f"/en/plans/{plan.public_id}/")
    expect(page.get_by_text("1 open comment")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"Edit\s*:\s*Where we stand today")).click()
    page.get_by_role("button", name="Mark as resolved").click()
    expect(page.get_by_text("Comment resolved.")).to_be_visible()
    page.goto(f"/en/plans/{plan.public_id}/")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    page.get_by_role("button", name="Mark as final").click()
    page.get_by_role("link", name="Publish as a public case…").click()  # says what becomes public first
    page.get_by_role("button", name="Confirm: publish it").click()  # and on to the public case
    expect(page).to_have_url(re.compile(r"/en/cases/"))
    log_out(page)

    # Anyone reads the case, in French too.
    page.goto(f"/fr/cases/{plan.public_id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gdańsk: housing for newcomers")
    expect(page.get_by_text("Rents rose by 30%")).to_be_visible()
    screenshot(page, "t08-public-case-fr")
    assert_accessible(page)


def test_plan_section_saves_without_javascript(browser, site):
    page = open_page(browser, site, {"width": 1280, "height": 900}, java_script=False)
    log_in(page, "city@example.org")
    plan = site.demo_plan
    page.goto(f"/en/plans/{plan.public_id}/")
    page.get_by_role("link", name=re.compile(r"Edit\s*:\s*Guiding questions")).click()
    page.get_by_label("Which groups are we not reaching?").fill("Roma families and Ukrainian teenagers.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Section saved.")).to_be_visible()
    assert page.get_by_label("Which groups are we not reaching?").input_value() == (
        "Roma families and Ukrainian teenagers."
    )
    page.context.close()


@pytest.mark.parametrize("url", ["/ar/toolkits/", "/fr/toolkits/dresden/", "/fr/toolkits/city-action-plan/"])
def test_toolkit_pages_pass_the_accessibility_check(page, url):
    page.goto(url)
    assert_accessible(page)


TABLE_ROWS = {
    "actions": [("action", "Open a housing advice desk"), ("owner", "Housing office")],
    "goals": [("goal", "200 newcomers advised"), ("indicator", "People advised per month")],
    "risks": [("risk", "Landlords refuse to take part"), ("mitigation", "A landlords' charter")],
}


def _fresh_plan(title: str) -> ActionPlan:
    from accounts.models import User
    from toolkits import services
    from toolkits.models import ActionPlanTemplatePage, Organisation

    user = User.objects.get(email="city@example.org")
    template = ActionPlanTemplatePage.objects.live().filter(locale__language_code="en").first()
    organisation = Organisation.objects.get(memberships__user=user)
    return services.plan_create(template=template, organisation=organisation, user=user, title=title)


def demo_facts() -> dict:
    """The demo's draft plan, and a plan of its own for the table test, made (committed) before the server
    serves."""
    demo_plan = ActionPlan.objects.get(status=ActionPlan.Status.DRAFT, organisation__name="City of Gdańsk")
    return {"demo_plan": demo_plan, "table_plan": _fresh_plan("Gdańsk: tables that keep their rows")}


def _section_url(plan: ActionPlan, kind: str) -> tuple[str, str]:
    key = next(s["key"] for s in plan.template_snapshot if s["type"] == kind)
    return f"/en/plans/{plan.public_id}/sections/{key}/", key


def test_table_sections_keep_every_row_with_autosave_and_with_the_save_button(browser, site):
    """Rows typed into every table-like section survive autosave (its "change" save and its delayed
    "input" save of the same rows) and a reload; without JavaScript, the Save button, twice."""
    plan = site.table_plan
    for javascript in (True, False):
        page = open_page(browser, site, {"width": 1280, "height": 900}, java_script=javascript)
        log_in(page, "city@example.org")
        for kind, cells in TABLE_ROWS.items():
            url, key = _section_url(plan, kind)
            page.goto(url)
            suffix = "" if javascript else " (no JavaScript)"
            for row in (0, 1):
                for name, text in cells:
                    field = page.locator(f"input[name='rows-{key}-{row}-{name}']")
                    if not javascript:
                        field.fill(f"{text} {row + 1}{suffix}")
                        continue
                    # As people type: a pause saves (the "input" trigger, 3 s later), then leaving the
                    # field saves the same rows again (the "change" trigger).
                    with page.expect_response(lambda r: r.request.method == "POST"):
                        field.fill(f"{text} {row + 1}{suffix}")
                    with page.expect_response(lambda r: r.request.method == "POST"):
                        field.press("Tab")
            if javascript:
                expect(page.locator("#save-status")).to_contain_text("Saved at")
            else:
                page.get_by_role("button", name="Save").click()
                expect(page.get_by_text("Section saved.")).to_be_visible()
                page.get_by_role("button", name="Save").click()  # saving again changes nothing
                expect(page.get_by_text("Section saved.")).to_be_visible()
            screenshot(page, f"t09-{kind}-{'autosave' if javascript else 'no-js'}")
            page.goto(url)
            for row in (0, 1):
                for name, text in cells:
                    field = page.locator(f"input[name='rows-{key}-{row}-{name}']")
                    assert field.input_value() == f"{text} {row + 1}{suffix}", (kind, row, name, javascript)
        page.context.close()
    history = [len(r.content.get("rows", [])) for s in plan.sections.all() for r in s.revisions.all()]
    assert history and 0 not in history  # no version of any table was ever stored empty
