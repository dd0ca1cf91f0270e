"""The site on a phone (360 px wide) and its header on every screen, in English and Arabic.

One live server and one demo for the whole module (the pages only read it): the header folds into a
"Menu" that opens without JavaScript, with the language switcher inside; no key page, visited as the
person who would use it, scrolls sideways; every page passes axe-core's WCAG 2.1 A/AA checks.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import accessibility_violations, open_page, screenshot

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
TRAINEE, TRAINER, CITY = "trainee@example.org", "trainer@example.org", "city@example.org"


def demo_facts() -> dict:
    """The addresses of the key pages in the demo, looked up before the server starts serving."""
    from learning.certificates.models import Certificate
    from learning.models import Cohort, CourseIndexPage, Enrolment, LessonPage
    from toolkits.models import ActionPlan, ToolkitIndexPage, ToolkitPage

    enrolment = (
        Enrolment.objects.filter(user__email=TRAINEE, status=Enrolment.Status.ACTIVE)
        .select_related("cohort__course")
        .first()
    )
    course = enrolment.cohort.course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    cohort = max(Cohort.objects.filter(trainers__email=TRAINER), key=lambda c: c.enrolments.count())
    plan = ActionPlan.objects.filter(organisation__memberships__user__email=CITY).first()
    actions = next(s for s in plan.sections.all() if s.definition["type"] == "actions")
    certificate = Certificate.objects.filter(status=Certificate.Status.VALID).first()
    return {
        "key_pages": [
            ("home", None, "/en/"),
            ("catalogue", None, CourseIndexPage.objects.live().get(locale__language_code="en").url),
            ("course", None, course.url),
            ("lesson", TRAINEE, lesson.url),
            ("my-learning", TRAINEE, reverse("learning:dashboard")),
            ("roster", TRAINER, reverse("learning:workspace:cohort", args=[cohort.pk])),
            ("roster-ar", TRAINER, "/ar" + reverse("learning:workspace:cohort", args=[cohort.pk])[3:]),
            ("matrix", TRAINER, reverse("learning:workspace:matrix", args=[cohort.pk])),
            ("library", None, ToolkitIndexPage.objects.live().get(locale__language_code="en").url),
            ("toolkit", None, ToolkitPage.objects.live().filter(locale__language_code="en").first().url),
            ("plan", CITY, reverse("toolkits:plan", args=[plan.public_id])),
            ("plan-actions", CITY, reverse("toolkits:section", args=[plan.public_id, actions.key])),
            ("verification", None, reverse("certificates:verify", args=[certificate.code])),
        ],
        "plan": reverse("toolkits:plan", args=[plan.public_id]),
        "actions_heading": actions.definition["title"],
    }


def header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def test_on_a_phone_the_header_is_one_row_and_its_menu_opens_with_the_languages(browser, site):
    page = open_page(browser, site, PHONE, TRAINER)
    page.goto("/en/")
    menu = page.get_by_role("navigation", name="Main")

    assert header_height(page) < 90, "the header should be one row: the brand and a Menu button"
    expect(menu.get_by_role("link", name="My learning")).to_be_hidden()
    screenshot(page, "81-phone-header-closed-en")
    assert accessibility_violations(page) == []

    page.locator("header summary", has_text="Menu").click()
    expect(menu.get_by_role("link", name="My learning")).to_be_visible()
    expect(page.locator(".site-menu .language-switcher summary")).to_be_visible()
    screenshot(page, "82-phone-header-open-en")
    assert accessibility_violations(page) == []

    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name="Français", exact=True).click()
    page.wait_for_url("**/fr/**")
    expect(page.locator("header").get_by_role("link", name="Mon apprentissage")).to_be_hidden()
    page.context.close()


def test_on_a_phone_the_arabic_menu_reads_right_to_left(browser, site):
    page = open_page(browser, site, PHONE, TRAINER)
    page.goto("/ar/")
    brand = page.locator(".site-brand").bounding_box()
    toggle = page.locator(".site-menu-toggle").bounding_box()

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert header_height(page) < 90
    assert toggle["x"] + toggle["width"] <= brand["x"], "the menu button sits at the left end in Arabic"

    page.locator(".site-menu-toggle").click()
    first_link = page.locator(".site-menu .nav-link").first.bounding_box()
    assert first_link["x"] + first_link["width"] > PHONE["width"] - 40, "links start at the right edge"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "83-phone-header-open-ar")
    assert accessibility_violations(page) == []
    page.context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_desktop_the_header_keeps_its_one_row_of_links(browser, site, language):
    page = open_page(browser, site, DESKTOP, TRAINER)
    page.goto(f"/{language}/")

    expect(page.locator(".site-menu-toggle")).to_be_hidden()
    expect(page.locator(".site-menu .nav-link").first).to_be_visible()
    expect(page.locator(".language-switcher summary")).to_be_visible()
    assert header_height(page) < 70
    screenshot(page, f"84-desktop-header-{language}")
    page.context.close()


def test_no_key_page_scrolls_sideways_on_a_phone(browser, site):
    pages = {}
    too_wide = {}
    for name, email, path in site.key_pages:
        if email not in pages:
            pages[email] = open_page(browser, site, PHONE, email)
        page = pages[email]
        response = page.goto(path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
        screenshot(page, f"85-phone-{name}")
        assert accessibility_violations(page) == [], name
    for page in pages.values():
        page.context.close()
    assert too_wide == {}, f"pages wider than the phone (scrollWidth): {too_wide}"


def test_on_a_desktop_every_column_of_a_plans_actions_is_in_view(browser, site):
    page = open_page(browser, site, DESKTOP, CITY)
    page.goto(site.plan)
    section = page.get_by_role("region", name=site.actions_heading, exact=True)
    box = section.bounding_box()

    for label in ("Action", "Owner", "Start", "End", "Target"):
        cell = section.locator(f"td[data-label='{label}']").first
        expect(cell).to_be_visible()
        cell_box = cell.bounding_box()
        assert cell_box["x"] >= box["x"] and cell_box["x"] + cell_box["width"] <= box["x"] + box["width"] + 1
    section.scroll_into_view_if_needed()
    screenshot(page, "86-desktop-plan-actions")
    page.context.close()


@pytest.mark.parametrize("language", ["fr", "de", "nl", "pl", "pt", "es", "it", "uk", "fa", "tr", "ti"])
def test_on_a_desktop_longer_languages_move_the_links_to_one_row_of_their_own(browser, site, language):
    """French or Portuguese links do not fit beside the brand at 1280 px: they move, with the language
    menu, to a second row of their own, never wrapping in pieces (three ragged rows, 147 px, before)."""
    page = open_page(browser, site, DESKTOP, TRAINER)
    page.goto(f"/{language}/")

    tops = {
        round(box["y"])
        for box in (item.bounding_box() for item in page.locator(".site-menu .nav-item").all())
    }
    assert len(tops) == 1, "the links are on one row"
    assert header_height(page) < 100, "at most two rows: the brand, then the links and the language menu"
    page.context.close()
