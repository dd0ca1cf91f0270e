"""The lesson page reads the trainee's records from the cache; every way they change retires the copy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning import services
from learning.models import Enrolment, Reflection
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    lessons_of,
    make_course,
    reflection_block,
    text_block,
)

pytestmark = pytest.mark.django_db
Status = Enrolment.Status


@pytest.fixture
def course():
    return make_course(bodies=[[text_block()], [reflection_block(block_id="ref")], [text_block()]])


@pytest.fixture
def enrolment(client, course):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    return enrolment


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what a write leaves for after its commit, as a real (non-test) transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_second_visit_reads_the_trainees_records_from_the_cache(client, enrolment, course):
    url = lessons_of(course)[1].url
    client.get(url)
    client.get(url)

    # Only the logged-in user is read from the database: no enrolment, progress or reflection query.
    assert queries_of(client, url) <= 1


def test_withdrawing_closes_the_lesson_at_once(client, enrolment, course, committed):
    url = lessons_of(course)[0].url
    assert client.get(url).status_code == 200

    with committed():
        services.enrolment_withdraw(enrolment=enrolment)

    assert client.get(url).status_code == 403


def test_status_changed_in_the_admin_closes_the_lesson(client, enrolment, course, committed):
    url = lessons_of(course)[0].url
    assert client.get(url).status_code == 200

    enrolment.status = Status.REJECTED  # as the admin's edit form saves it
    with committed():
        enrolment.save()

    assert client.get(url).status_code == 403


def test_completed_lesson_shows_done_on_the_next_visit(client, enrolment, course, committed):
    lesson = lessons_of(course)[0]
    assert "You completed this lesson." not in client.get(lesson.url).content.decode()

    with committed():
        services.lesson_complete(enrolment=enrolment, lesson=lesson)

    assert "You completed this lesson." in client.get(lesson.url).content.decode()


def test_trainers_feedback_shows_on_the_trainees_next_visit(client, enrolment, course, committed):
    lesson = lessons_of(course)[1]
    client.post(
        f"/en/learning/lessons/{lesson.pk}/reflection/ref/",
        {"text": "In my association we first listen to the newcomers, then we plan together."},
    )
    assert "Keep going: name one partner" not in client.get(lesson.url).content.decode()

    reflection = Reflection.objects.get(enrolment=enrolment)
    with committed():
        services.reflection_review(
            reflection=reflection,
            reviewer=UserFactory(),
            accepted=False,
            feedback="Keep going: name one partner",
        )

    assert "Keep going: name one partner" in client.get(lesson.url).content.decode()


def test_enrolment_in_another_cohort_of_the_course_opens_it_for_a_refused_trainee(client, course, committed):
    trainee = UserFactory()
    client.force_login(trainee)
    url = lessons_of(course)[0].url
    assert client.get(url).status_code == 403

    with committed():
        services.enrolment_create(user=trainee, cohort=CohortFactory(course=course))

    assert client.get(url).status_code == 200


def test_course_completion_by_the_services_update_retires_the_copy(client, course, committed):
    course.requires_signoff = True
    course.save_revision().publish()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    for lesson in lessons_of(course):
        if lesson.pk != lessons_of(course)[1].pk:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
    services.reflection_submit(
        enrolment=enrolment, lesson=lessons_of(course)[1], prompt_id="ref", text="One two three four."
    )
    url = lessons_of(course)[0].url
    client.get(url)
    cached = client.get(url).context["enrolment"]
    assert cached.status == Status.ACTIVE

    with committed():  # an UPDATE, which sends no signal
        services.enrolment_sign_off(enrolment=enrolment, trainer=UserFactory())

    assert client.get(url).context["enrolment"].status == Status.COMPLETED
