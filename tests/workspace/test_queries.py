"""The roster, the matrix and my cohorts make as many queries for 10 trainees as for 200, and for 5
lessons as for 40: nothing is read per row or per cell."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import LessonProgress, QuizAttempt
from tests.factories import EnrolmentFactory, UserFactory, lessons_of, make_course

from .conftest import Status, cohort_of, url

pytestmark = pytest.mark.django_db


def fill(cohort, trainees: int):
    lessons = lessons_of(cohort.course)
    users = UserFactory.create_batch(trainees)
    enrolments = [EnrolmentFactory(cohort=cohort, user=user, status=Status.ACTIVE) for user in users]
    from django.utils import timezone

    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrolment=e, lesson=lesson, lesson_key=lesson.translation_key, completed_at=timezone.now()
        )
        for e in enrolments
        for lesson in lessons[: len(lessons) // 2]
    )
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            enrolment=e,
            lesson=lessons[-1],
            lesson_key=lessons[-1].translation_key,
            quiz_id="q",
            number=1,
            score=10,
            passed=False,
        )
        for e in enrolments
    )


def count(client, address):
    # Warm the site's caches (course outline, footer, menus), which new data invalidates: twice, because
    # the first request after a change fills what the second then reads.
    client.get(address)
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["cohort", "matrix"])
def test_queries_do_not_grow_with_trainees_or_lessons(client, trainer, name):
    counts = []
    for trainees, lessons in ((10, 5), (200, 40)):
        cohort = cohort_of(trainer, course=make_course(lessons=lessons), capacity=None)
        fill(cohort, trainees)
        client.force_login(trainer)
        counts.append(count(client, url(name, cohort.pk)))
    assert counts[0] == counts[1] <= 10, counts


def test_my_cohorts_queries_do_not_grow_with_cohorts(client, trainer, django_assert_max_num_queries):
    client.force_login(trainer)
    cohort_of(trainer)
    small = count(client, url("cohorts"))
    for _ in range(10):
        fill(cohort_of(trainer), 3)
    assert count(client, url("cohorts")) == small


def test_cohort_page_is_bounded(client, trainer, django_assert_max_num_queries):
    cohort = cohort_of(trainer, course=make_course(lessons=40), capacity=None)
    fill(cohort, 60)
    client.force_login(trainer)
    for name in ("cohort", "matrix"):
        client.get(url(name, cohort.pk))
        client.get(url(name, cohort.pk))
        with django_assert_max_num_queries(10):
            client.get(url(name, cohort.pk))
