"""The trainee's journey in a real browser: find a course, enrol, follow lessons, see progress.

Walked in French with JavaScript on (htmx swaps the quiz and the reflection in place), then the quiz
again with JavaScript off (plain form posts). Every page passes axe-core's WCAG 2.1 A/AA checks.
"""

import re

import pytest
from django.db.models import F
from playwright.sync_api import expect

from demo.data import DEMO_PASSWORD
from learning import rules
from learning.models import Cohort, CoursePage, Enrolment, LessonPage, QuizAttempt, Reflection
from tests.browser.conftest import accessibility_violations, open_page, screenshot
from tests.factories import PASSWORD, UserFactory

# One demo and one live server for the module (conftest.site); the django_db mark gives it the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def log_in(page, user, language="fr", password=PASSWORD):
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(password)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")


def open_course():
    """A French course with an open cohort that has free seats: the same one on every database (a cohort
    without a start date, the self-paced one, sorts first on SQLite and last on PostgreSQL by default)."""
    cohorts = Cohort.objects.filter(enrolment_mode=Cohort.Mode.OPEN).select_related("course")
    for cohort in cohorts.order_by(F("starts_on").asc(nulls_first=True), "pk"):
        french = cohort.course.get_translation_or_none(_locale("fr"))
        taken = cohort.enrolments.filter(status__in=Enrolment.LEARNING).count()
        if french and french.live and (cohort.capacity is None or taken < cohort.capacity):
            return cohort, french.specific
    raise AssertionError("the demo has no open French course")


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def lesson_with(course: CoursePage, kind: str) -> LessonPage:
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        quizzes, prompts = rules.activity_ids(lesson)
        if (kind == "quiz" and quizzes) or (kind == "reflection" and prompts):
            return lesson
        if kind == "plain" and not quizzes and not prompts:
            return lesson
    raise AssertionError(f"no {kind} lesson in {course}")


def answer_quiz_right(page, lesson):
    block = next(block for block in lesson.body if block.block_type == "quiz")
    section = page.locator(f"#block-{block.id}")
    for number, question in enumerate(block.value["questions"]):
        for index, answer in enumerate(question["answers"]):
            if answer["correct"]:
                section.locator(f"#q-{block.id}-{number}-{index}").check()
    section.locator("button[type=submit]").click()
    return section


def demo_facts() -> dict:
    """A trainee of their own for each test, made (committed) before the server serves."""
    cohort, _course = open_course()
    no_js = UserFactory(language="en")
    Enrolment.objects.create(user=no_js, cohort=cohort, status=Enrolment.Status.ACTIVE)
    return {
        "newcomer": UserFactory(display_name="Yusuf Haddad", language="fr"),
        "no_js": no_js,
        "cohort": cohort,
    }


def assert_accessible(page):
    assert accessibility_violations(page) == []


def test_trainee_finds_enrols_and_learns_in_french(page, site):
    trainee, cohort = site.newcomer, site.cohort
    course = cohort.course.get_translation(_locale("fr")).specific
    log_in(page, trainee)

    page.locator("header").get_by_role("link", name="Formations").click()
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "20-catalogue-fr")
    assert_accessible(page)

    page.get_by_role("link", name=course.title).first.click()
    screenshot(page, "21-course-fr")
    assert_accessible(page)
    page.locator(f"form[action='{cohort.enrol_url.replace('/en/', '/fr/')}'] button").click()
    assert Enrolment.objects.get(user=trainee, cohort=cohort).status == Enrolment.Status.ACTIVE
    screenshot(page, "22-enrolled-fr")

    plain = lesson_with(course, "plain")
    page.goto(plain.url)
    assert_accessible(page)
    page.locator("#lesson-status button[type=submit]").click()  # htmx swaps the lesson in place
    expect(page.locator("#lesson-status .status-done-text")).to_be_visible()
    screenshot(page, "23-lesson-done-fr")

    quiz_lesson = lesson_with(course, "quiz")
    page.goto(quiz_lesson.url)
    screenshot(page, "24-quiz-fr")
    assert_accessible(page)
    section = answer_quiz_right(page, quiz_lesson)
    expect(section.locator(".quiz-result")).to_be_visible()
    assert QuizAttempt.objects.filter(enrolment__user=trainee, passed=True).count() == 1
    screenshot(page, "25-quiz-passed-fr")
    assert_accessible(page)

    reflection_lesson = lesson_with(course, "reflection")
    page.goto(reflection_lesson.url)
    form = page.locator("section.reflection form").first
    form.locator("textarea").fill("Trop court")
    form.locator("button[type=submit]").click()
    expect(page.locator("section.reflection .invalid-feedback").first).to_be_visible()
    assert page.locator("section.reflection textarea").first.input_value() == "Trop court"
    screenshot(page, "26-reflection-error-fr")
    words = " ".join(["Dans ma ville, nous traduirons les formulaires d'inscription électorale"] * 10)
    page.locator("section.reflection textarea").first.fill(words)
    page.locator("section.reflection form button[type=submit]").first.click()
    # The reflection was the course's last activity: the trainee lands on the moment that marks it.
    expect(page).to_have_url(re.compile(r"/fr/learning/enrolments/\d+/completed/$"))
    expect(page.locator("h1")).to_have_text("Félicitations !")
    assert Reflection.objects.filter(enrolment__user=trainee).count() == 1
    assert Enrolment.objects.get(user=trainee, cohort=cohort).status == Enrolment.Status.COMPLETED
    screenshot(page, "26b-course-completed-fr")
    assert_accessible(page)

    page.locator("header").get_by_role("link", name="Mon apprentissage").click()
    expect(page.locator("main").get_by_role("link", name=course.title).first).to_be_visible()
    screenshot(page, "27-dashboard-fr")
    assert_accessible(page)


def test_quiz_works_without_javascript(browser, site):
    page = open_page(browser, site, {"width": 1280, "height": 900}, java_script=False)
    trainee = site.no_js
    english = site.cohort.course.get_translation(_locale("en"))
    log_in(page, trainee, language="en")

    quiz_lesson = lesson_with(english, "quiz")
    page.goto(quiz_lesson.url)
    answer_quiz_right(page, quiz_lesson)

    expect(page.locator(".quiz-result")).to_be_visible()
    assert QuizAttempt.objects.get(enrolment__user=trainee).passed
    screenshot(page, "28-quiz-passed-no-js-en")
    page.context.close()


def test_lesson_in_arabic_reads_right_to_left(page):
    enrolment = Enrolment.objects.filter(user__email="trainee@example.org", status="active").first()
    log_in(page, enrolment.user, language="ar", password=DEMO_PASSWORD)
    course = enrolment.cohort.course
    lesson = lesson_with(course, "quiz")

    origin = "/".join(page.url.split("/", 3)[:3])
    # Measured as a first visit on a phone: a fresh browser context (empty cache), signed in.
    first_visit = page.context.browser.new_context(
        storage_state=page.context.storage_state(), viewport={"width": 390, "height": 844}, bypass_csp=True
    )
    try:
        phone = first_visit.new_page()
        transfers = []
        phone.on("requestfinished", lambda request: transfers.append(request))
        phone.goto(origin + lesson.url.replace("/en/", "/ar/", 1))
        phone.evaluate("document.fonts.ready")
        assert phone.locator("html").get_attribute("dir") == "rtl"
        # The interface's Arabic is drawn with the vendored Noto Sans Arabic, not a system font.
        loaded = phone.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => `${f.family} ${f.weight}`)"
        )
        assert any("Noto Sans Arabic" in face for face in loaded)
        sent = {
            request.url: request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
            for request in transfers
        }
        fonts = sum(size for url, size in sent.items() if ".woff2" in url)
        print(f"Arabic lesson page: {sum(sent.values())} bytes transferred, {fonts} of them fonts {loaded}")
        print("\n".join(f"  {size:>8} {url}" for url, size in sorted(sent.items())))
        # A phone on a slow line: an Arabic page's fonts stay under 50 kB (both weights of the subset).
        assert fonts < 50_000
        screenshot(phone, "29-lesson-ar-rtl")
        assert_accessible(phone)
    finally:
        first_visit.close()
