"""The demo course translated into Arabic and Ukrainian, read in a browser: the course page and a lesson
with its quiz, in the language's direction, passing axe; screenshots to look at."""

import shutil
from pathlib import Path

import pytest
from wagtail.models import Locale

from accounts.consent import current_versions
from accounts.models import User
from accounts.services import legal_accept_for_data
from demo.data import person, read
from learning.models import Cohort, CoursePage, Enrolment, LessonPage
from tests.browser.conftest import accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SPEAK_UP = read("courses")["courses"]["speak_up"]
SHOTS = Path("/work/shots/demoi18n")
PHONE = {"width": 390, "height": 844}
READERS = {"ar": "reader.ar@example.org", "uk": "reader.uk@example.org"}


def demo_facts():
    english = CoursePage.objects.get(locale__language_code="en", slug=SPEAK_UP["slug"]["en"])
    cohort = Cohort.objects.get(course=english)
    facts, readers = {}, []
    for code, email in READERS.items():
        course = english.get_translation(Locale.objects.get(language_code=code))
        reader = person(User, email, display_name=f"Reader {code}", language=code)
        readers.append(reader)
        Enrolment.objects.get_or_create(
            user=reader, cohort=cohort, defaults={"status": Enrolment.Status.ACTIVE}
        )
        lesson = LessonPage.objects.child_of(course).get(slug=SPEAK_UP["lessons"][1]["slug"][code])
        facts[code] = {"course": course.url, "lesson": lesson.url}
    # As the demo's own people have: otherwise signing in leads to the acceptance page (accounts.consent).
    legal_accept_for_data(users=readers, versions=current_versions())
    return facts


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("uk", "ltr")])
def test_the_translated_course_and_its_lesson_read_in_their_language(browser, site, code, direction):
    page = open_page(browser, site, PHONE, email=READERS[code])
    try:
        urls = getattr(site, code)
        lesson = SPEAK_UP["lessons"][1]
        question = lesson["blocks"][1]["value"]["questions"][0]["text"][code]
        for name, url, heading, text in (
            ("course", urls["course"], SPEAK_UP["title"][code], SPEAK_UP["summary"][code]),
            ("lesson", urls["lesson"], lesson["title"][code], question),
        ):
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == code
            assert page.locator("html").get_attribute("dir") == direction
            assert page.get_by_role("heading", level=1).inner_text().strip() == heading
            content = page.get_by_text(text, exact=False).first
            assert content.is_visible()
            assert content.evaluate("(el) => el.closest('[lang]').getAttribute('lang')") == code
            assert accessibility_violations(page) == []
            path = screenshot(page, f"demo-{code}-{name}")
            SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, SHOTS / path.name)
    finally:
        page.context.close()
