"""The lesson page reads the trainee's records fresh, in a few queries however many there are: every way
they change shows on the next visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning import services
from learning.models import Enrolment, Reflection
from tests.cache_isolation import forget_own_keys
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


def lesson_queries(client, url) -> tuple[int, int]:
    """(cold, warm): with an empty cache (after a deploy or a change), then on the next visit."""
    client.get(url)  # what the process keeps itself (content types, the site's root paths)
    forget_own_keys()
    cold = queries_of(client, url)
    return cold, queries_of(client, url)


def test_the_trainees_records_cost_the_same_few_queries_however_many_there_are(client):
    def trainee_with_done(lessons: int):
        course = make_course(
            lessons=0, bodies=[[text_block()] for _ in range(lessons)] + [[reflection_block(block_id="ref")]]
        )
        enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
        for lesson in lessons_of(course)[:-1]:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
        client.force_login(enrolment.user)
        return lessons_of(course)[-1].url

    small = lesson_queries(client, trainee_with_done(2))
    large = lesson_queries(client, trainee_with_done(40))

    assert small == large
    cold, warm = large
    # Warm: the session's user, the enrolment, the finished lessons, the reflections.
    assert warm <= 5 and cold <= 20


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
