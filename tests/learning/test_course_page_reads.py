"""The course page's reads, warm: the prerequisites' ids are cached with the outline (they are the
course's content), so a course without prerequisites reads no page for them; its trainers are read as
names only; its open cohorts and their seats are cached until an enrolment or the day changes them.
What it shows stays right when the prerequisites change. The lesson page reads the enrolment without
joining its cohort, which it does not show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning import services
from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db


def warm_queries(client, url) -> tuple[str, list[str]]:
    assert client.get(url).status_code == 200  # fills the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


def page_reads(queries) -> list[str]:
    return [sql for sql in queries if 'FROM "wagtailcore_page"' in sql]


@pytest.fixture
def enrolled(client):
    course = make_course(title="Advanced", lessons=2)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    return course


def test_a_course_without_prerequisites_reads_no_page_when_warm(client, enrolled):
    html, queries = warm_queries(client, enrolled.url)
    assert page_reads(queries) == [], queries
    assert "Lesson 2" in html
    # The person's enrolments: by their course key, without joining the cohorts' courses.
    # (The cohorts' query counts their seats in a subquery of the enrolments: not this one.)
    (enrolments,) = [sql for sql in queries if sql.startswith('SELECT "learning_enrolment"')]
    assert "wagtailcore_page" not in enrolments and "learning_coursepage" not in enrolments


def test_prerequisites_are_listed_warm_and_follow_a_publish(
    client, enrolled, django_capture_on_commit_callbacks
):
    basics = make_course(title="Basics first", lessons=1)
    enrolled.prerequisites.add(basics)
    enrolled.save_revision().publish()

    html, queries = warm_queries(client, enrolled.url)
    assert "Basics first" in html and "not completed yet" in html
    assert len(page_reads(queries)) == 1  # the prerequisite pages, by id
    user = Enrolment.objects.get(cohort__course=enrolled).user
    EnrolmentFactory(user=user, cohort=CohortFactory(course=basics), status=Enrolment.Status.COMPLETED)
    html, _queries = warm_queries(client, enrolled.url)
    assert "not completed yet" not in html and 'text-bg-success">completed<' in html

    enrolled.prerequisites.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the content's version moves on commit
        enrolled.save_revision().publish()
    html, queries = warm_queries(client, enrolled.url)
    assert "Basics first" not in html and page_reads(queries) == []


def test_the_outline_cached_by_a_lesson_page_still_brings_the_prerequisites(client, enrolled):
    enrolled.prerequisites.add(make_course(title="Basics first", lessons=1))
    enrolled.save_revision().publish()
    assert client.get(lessons_of(enrolled)[0].url).status_code == 200  # caches the outline first

    html, _queries = warm_queries(client, enrolled.url)
    assert "Basics first" in html


def test_trainers_are_read_as_names_alone(client, enrolled):
    enrolled.trainers.add(UserFactory(display_name="Amina Trainer"), UserFactory(display_name="Bo Trainer"))
    enrolled.save_revision().publish()

    html, queries = warm_queries(client, enrolled.url)
    assert html.index("Amina Trainer") < html.index("Bo Trainer")
    trainers = [sql for sql in queries if "learning_coursepage_trainers" in sql]
    assert len(trainers) == 1 and trainers[0].startswith('SELECT "accounts_user"."display_name" AS'), trainers


def test_the_lesson_page_reads_the_enrolment_without_its_cohort(client, enrolled):
    html, queries = warm_queries(client, lessons_of(enrolled)[1].url)
    assert "Lesson 2" in html and "Not completed:" in html
    enrolment_reads = [sql for sql in queries if 'FROM "learning_enrolment"' in sql]
    assert len(enrolment_reads) == 1, queries
    assert "learning_cohort" not in enrolment_reads[0]
    assert not [sql for sql in queries if 'FROM "learning_cohort"' in sql], queries  # nor later, lazily


def test_the_cohorts_and_their_seats_are_read_once_and_follow_every_enrolment(
    client, enrolled, django_capture_on_commit_callbacks
):
    """The open cohorts and their seats are the same for every reader: cached, retired on commit by any
    enrolment or cohort write (the `seats` tag; tests/core/test_cache_registry.py walks every way). Read
    by someone signed in who has not enrolled yet: the page offers them the cohorts."""
    client.force_login(UserFactory())
    cohort = enrolled.cohorts.get()
    cohort.capacity = 5
    with django_capture_on_commit_callbacks(execute=True):
        cohort.save()
    html, queries = warm_queries(client, enrolled.url)
    assert "4 seats left" in html
    assert not [sql for sql in queries if 'FROM "learning_cohort"' in sql], queries

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = services.enrolment_create(user=UserFactory(), cohort=cohort)
    assert "3 seats left" in warm_queries(client, enrolled.url)[0]

    with django_capture_on_commit_callbacks(execute=True):
        Enrolment.objects.filter(pk=newcomer.pk).update(status=Enrolment.Status.WITHDRAWN)
    assert "4 seats left" in warm_queries(client, enrolled.url)[0]


def test_a_cohort_that_ended_yesterday_leaves_the_signed_in_course_page_today(client, enrolled, monkeypatch):
    client.force_login(UserFactory())
    today = timezone.localdate()
    CohortFactory(course=enrolled, title="Spring group", starts_on=today - timedelta(days=30), ends_on=today)
    assert "Spring group" in warm_queries(client, enrolled.url)[0]

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))

    assert "Spring group" not in client.get(enrolled.url).content.decode()
