"""Installable and offline in a real browser: a trainee keeps a course for offline, loses the connection,
reads a lesson and completes it, answers a quiz, gets the connection back and sees both recorded and
graded on the server; signing out leaves nothing of theirs in the browser.

The page runs under the site's own content security policy (no `bypass_csp`): the service worker and the
page script must pass it.
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from learning import rules
from learning.models import Cohort, Enrolment, LessonPage, LessonProgress, QuizAttempt
from tests.browser.conftest import AXE, DESKTOP, screenshot
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _lessons(course, kind):
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        quizzes, prompts = rules.activity_ids(lesson)
        if (kind == "quiz" and quizzes and not prompts) or (kind == "plain" and not quizzes and not prompts):
            yield lesson


def _journey(course, cohort) -> SimpleNamespace:
    trainee = UserFactory(language="en", display_name=f"Amina Offline {course.pk}")
    Enrolment.objects.create(user=trainee, cohort=cohort, status=Enrolment.Status.ACTIVE)
    plain, quiz = next(_lessons(course, "plain")), next(_lessons(course, "quiz"))
    return SimpleNamespace(trainee=trainee, cohort=cohort, course=course, plain=plain, quiz=quiz)


def demo_facts() -> dict:
    """A trainee of their own in each of the two open English courses: the self-paced one, and the summit's
    cohort course, whose first plain lesson has a video (offline, its player's frame took the focus, and
    the completion was lost: the kept copy is now the low-data page)."""
    journeys = {}
    cohorts = Cohort.objects.filter(enrolment_mode=Cohort.Mode.OPEN, course__locale__language_code="en")
    for cohort in cohorts.select_related("course").order_by("pk"):
        course = cohort.course.specific
        kind = "self-paced" if cohort.starts_on is None else "summit"
        if course.live and kind not in journeys and next(_lessons(course, "quiz"), None):
            journeys[kind] = _journey(course, cohort)
    assert set(journeys) == {"self-paced", "summit"}, journeys
    summit = journeys["summit"]
    assert summit.plain.title == "Who decides what in Europe"
    assert any(block.block_type == "video" for block in summit.plain.body)
    shared = journeys["self-paced"]
    sharer = UserFactory(language="en", display_name="Tomasz Shared")
    following = UserFactory(language="en", display_name="Lina Next")
    for person in (sharer, following):
        Enrolment.objects.create(user=person, cohort=shared.cohort, status=Enrolment.Status.ACTIVE)
    return {
        "journeys": journeys,
        "sharer": sharer,
        "following": following,
        "course": shared.course,
        "plain": shared.plain,
    }


CACHED_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
}"""


def accessibility_violations(page) -> list[str]:
    """As conftest's, but under the site's CSP, which refuses the inline <script> that helper adds: axe is
    evaluated through the DevTools protocol instead."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def _answer_right(page, lesson):
    block = next(block for block in lesson.body if block.block_type == "quiz")
    section = page.locator(f"#block-{block.id}")
    for number, question in enumerate(block.value["questions"]):
        for index, answer in enumerate(question["answers"]):
            if answer["correct"]:
                section.locator(f"#q-{block.id}-{number}-{index}").check()
    section.locator("button[type=submit]").click()
    return section


def _signed_in(browser, site, user):
    context = browser.new_context(base_url=site.url, viewport=DESKTOP)  # the site's CSP applies
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.refused = []
    page.on("console", lambda m: page.refused.append(m.text) if "Content Security Policy" in m.text else None)
    _log_in(page, user)
    return context, page


def _log_in(page, user):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.allauth-form button[type=submit]").click()
    page.wait_for_url("**/accounts/profile/")


def _keep(page, course):
    page.goto(course.url)
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.scriptURL)").endswith("/sw.js")
    keep = page.locator("[data-offline-keep]")
    expect(keep).to_be_visible()
    keep.get_by_role("button", name="Keep for offline").click()
    expect(keep.locator("[data-offline-keep-status]")).to_contain_text("Kept on this device")
    return keep


KEPT_IS_LIGHT_AND_DONE = """async (url) => {
    const kept = await caches.match(url, { ignoreVary: true });
    const html = kept ? await kept.text() : "";
    return html.includes("You completed this lesson.") && !html.includes("<iframe");
}"""
WORKERS = "navigator.serviceWorker.getRegistrations().then((all) => all.length)"


@pytest.mark.parametrize("kind", ["self-paced", "summit"])
def test_a_kept_course_is_read_and_completed_offline_and_sent_when_back_online(browser, site, kind):
    journey = site.journeys[kind]
    trainee, course, plain, quiz = journey.trainee, journey.course, journey.plain, journey.quiz
    context, page = _signed_in(browser, site, trainee)

    _keep(page, course)
    assert accessibility_violations(page) == []
    screenshot(page, f"offline-1-course-kept-{kind}")
    kept = page.evaluate(CACHED_URLS)
    assert {course.url, plain.url, quiz.url} <= set(kept)
    assert any(url.endswith(".css") for url in kept)

    context.set_offline(True)
    page.goto(plain.url)  # from the kept copy: the network is gone
    expect(page.locator("h1")).to_have_text(plain.title)
    # The kept copy is the low-data page: a video is a link and its transcript, never a dead player whose
    # frame would take the focus (and the click below) from the lesson.
    expect(page.locator("iframe")).to_have_count(0)
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""  # its style sheet is kept too
    page.locator("#lesson-status button[type=submit]").click()
    expect(page.locator("[data-offline-queued]")).to_be_visible()
    screenshot(page, f"offline-2-lesson-completed-offline-{kind}")
    assert accessibility_violations(page) == []

    page.goto(quiz.url)
    _answer_right(page, quiz)
    expect(page.locator("[data-offline-queued]")).to_be_visible()
    enrolment = Enrolment.objects.get(user=trainee)
    assert not LessonProgress.objects.filter(enrolment=enrolment).exists()
    assert not QuizAttempt.objects.filter(enrolment=enrolment).exists()

    context.set_offline(False)  # the `online` event sends the queue; the quiz's result replaces the form
    expect(page.locator(".quiz-result")).to_contain_text("Passed with")
    expect(page.locator("#offline-status")).to_contain_text("what you did offline was sent")
    screenshot(page, f"offline-3-back-online-graded-{kind}")
    progress = set(LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True))
    assert {plain.pk, quiz.pk} <= progress  # the quiz passed completes its lesson too
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    assert attempt.passed and attempt.submission_id is not None
    assert page.refused == []

    # Read online, a kept lesson is stored again: as its light page, with her progress.
    page.goto(plain.url, wait_until="domcontentloaded")
    page.wait_for_function(KEPT_IS_LIGHT_AND_DONE, arg=plain.url)

    page.locator("header form[data-offline-clear] button").click()
    page.wait_for_load_state()
    assert page.evaluate(CACHED_URLS) == []
    assert page.evaluate("caches.keys()") == []
    page.wait_for_function(f"{WORKERS}.then((count) => count === 0)")
    context.set_offline(True)
    with pytest.raises(Exception, match=r"net::ERR_INTERNET_DISCONNECTED"):
        page.goto(plain.url)  # nothing of hers is left to read
    context.close()


QUEUED = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open("offline-queue", 1);
    open.onsuccess = () => {
        const count = open.result.transaction("sends").objectStore("sends").count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
    };
})"""


def test_the_next_person_on_a_shared_phone_never_reads_nor_sends_the_last_ones_copies(browser, site):
    """A session that ended without a sign-out (expired, cookies cleared): the first page for nobody, or
    for someone else, deletes the copies; a completion the last person queued offline, on a page of theirs
    left open, is neither lost nor ever recorded as the next person's."""
    context, page = _signed_in(browser, site, site.sharer)
    _keep(page, site.course)
    assert site.plain.url in page.evaluate(CACHED_URLS)
    context.set_offline(True)
    page.goto(site.plain.url)
    page.locator("#lesson-status button[type=submit]").click()
    expect(page.locator("[data-offline-queued]")).to_be_visible()

    context.clear_cookies()  # the session is gone, the browser's storage is not
    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        context.set_offline(False)  # her page, still open, sends what it queued: nobody is signed in
    assert sent.value.status == 403  # her page's CSRF cookie went with the session: nothing recorded
    page.wait_for_timeout(300)  # the page reads the answer: not one of hers, so it keeps the completion
    expect(page.locator("#offline-status")).not_to_contain_text("sent")
    assert page.evaluate(QUEUED) == 1

    following = context.new_page()
    following.goto("/en/")  # a page for nobody: her copies go, and the worker
    following.wait_for_function("caches.keys().then((names) => names.length === 0)")
    following.wait_for_function(f"{WORKERS}.then((count) => count === 0)")
    _log_in(following, site.following)  # enrolled in the same course
    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        page.evaluate("window.dispatchEvent(new Event('online'))")  # her page tries again
    # Not in his session either: signing in renewed the CSRF token (and the server refuses her key, 409,
    # tests/learning/test_offline.py)
    assert sent.value.status == 403
    page.wait_for_timeout(300)  # the page reads the refusal: the completion still waits for her
    assert page.evaluate(QUEUED) == 1
    enrolments = Enrolment.objects.filter(user__in=[site.sharer, site.following])
    assert not LessonProgress.objects.filter(enrolment__in=enrolments).exists()

    assert site.plain.url not in following.evaluate(CACHED_URLS)
    context.set_offline(True)
    # His own worker answers the page's request now, and fails it: it holds nothing of hers.
    with pytest.raises(Exception, match=r"net::ERR_FAILED|net::ERR_INTERNET_DISCONNECTED"):
        following.goto(site.plain.url)  # nothing of hers is left to read
    context.close()
