import pytest
from django.utils.html import escape
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page

from accounts.models import User
from community.models import Helpful, Post, Thread
from demo.data import read
from learning.models import (
    Attendance,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    ModulePage,
    QuizAttempt,
    Reflection,
    Topic,
)
from tests.factories import UserFactory

VIDEO_URL = read("courses")["video"]["url"]

pytestmark = pytest.mark.django_db


Status = Enrolment.Status
MODELS = [
    Page,
    Topic,
    Cohort,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    Reflection,
    LiveSession,
    Attendance,
    User,
    Embed,
    Thread,
    Post,
    Helpful,
]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def english(model, **filters):
    return model.objects.filter(locale__language_code="en", **filters)


def summit() -> CoursePage:
    return english(CoursePage, slug="democracy-summit-training").get()


def voter() -> CoursePage:
    return english(CoursePage, slug="inclusive-voter-registration-campaigns").get()


def test_courses_have_lessons_with_activities_in_both_languages(demo, db):
    french = Locale.objects.get(language_code="fr")
    for course in (summit(), voter()):
        lessons = list(LessonPage.objects.live().descendant_of(course))
        assert len(lessons) >= 5
        kinds = {block.block_type for lesson in lessons for block in lesson.body}
        assert {"text", "callout", "quiz", "reflection", "live_session"} <= kinds
        translation = course.get_translation(french)
        assert translation.live and translation.summary != course.summary
        for lesson in lessons:
            french_lesson = lesson.get_translation(french)
            assert french_lesson.live and french_lesson.title != lesson.title
            assert [b.id for b in french_lesson.body] == [b.id for b in lesson.body]
    assert ModulePage.objects.child_of(summit()).count() == 2
    assert summit().trainers.filter(email="trainer@example.org").exists()
    assert not voter().prerequisites.exists()
    assert Embed.objects.filter(hash=get_embed_hash(VIDEO_URL), provider_name="YouTube").exists()


def test_cohorts_cover_every_enrolment_mode(demo, db):
    cohorts = Cohort.objects.filter(course=summit())
    modes = set(cohorts.values_list("enrolment_mode", flat=True))
    assert {Cohort.Mode.OPEN, Cohort.Mode.APPROVAL} <= modes
    full = cohorts.get(capacity=3)
    assert full.enrolments.filter(status=Status.ACTIVE).count() == 3
    assert full.enrolments.filter(status=Status.WAITLISTED).count() == 2
    assert cohorts.get(enrolment_mode=Cohort.Mode.APPROVAL).enrolments.filter(status=Status.PENDING).exists()
    assert Cohort.objects.get(course=voter(), enrolment_mode=Cohort.Mode.INVITE).invite_code == "VOTE-2027"
    open_cohort = cohorts.get(capacity=30)
    sessions = list(open_cohort.sessions.all())
    assert len(sessions) == 2 and sessions[0].attendance.exists()
    assert Reflection.objects.filter(status=Reflection.Status.SUBMITTED).count() >= 2


def test_amina_is_learning_one_course_and_finished_another(demo, db):
    amina = User.objects.get(email="trainee@example.org")
    current = Enrolment.objects.get(user=amina, cohort__course=summit())
    assert current.status == Status.ACTIVE
    assert current.progress.count() == 3
    assert list(current.quiz_attempts.values_list("passed", flat=True)) == [False, True]
    assert current.reflections.get().status == Reflection.Status.SUBMITTED
    finished = Enrolment.objects.get(user=amina, cohort__course=voter())
    assert finished.status == Status.COMPLETED and finished.completed_at
    assert finished.reflections.get().status == Reflection.Status.ACCEPTED


def test_catalogue_and_courses_are_public_in_english_and_french(demo, client):
    french = Locale.objects.get(language_code="fr")
    catalogue = english(CourseIndexPage).get()
    assert catalogue.slug == "courses"
    assert catalogue.get_translation(french).slug == "formations"
    for page in (catalogue, summit(), voter()):
        for version in (page, page.get_translation(french)):
            response = client.get(version.get_url())
            assert response.status_code == 200, version.get_url()
            assert escape(version.title) in response.content.decode()


def test_amina_dashboard_and_lessons(demo, client):
    amina = User.objects.get(email="trainee@example.org")
    client.force_login(amina)
    response = client.get("/en/learning/")
    assert response.status_code == 200
    current = [row.enrolment.cohort.course.pk for row in response.context["current"]]
    finished = [row.enrolment.cohort.course.pk for row in response.context["finished"]]
    assert current == [summit().pk]
    assert finished == [voter().pk]
    assert response.context["current"][0].percent == 50
    assert "50%" in response.content.decode()

    first = LessonPage.objects.live().descendant_of(summit()).order_by("path").first()
    page = client.get(first.get_url())
    assert page.status_code == 200
    assert "youtube-nocookie.com" in page.content.decode()

    client.force_login(UserFactory())
    assert client.get(first.get_url()).status_code == 403
