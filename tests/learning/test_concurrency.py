"""Capacity and one-enrolment rules under real parallel requests, on PostgreSQL.

Each thread has its own database connection, as each gunicorn worker would. These tests commit for real
(transactional), so they run in their own pytest run (`-m postgres`, see the Makefile) and build the few
pages they need themselves, whatever the database holds.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from wagtail.models import Locale, Page

from learning.models import CourseIndexPage, Enrolment
from tests.conftest import requires_postgres
from tests.factories import CohortFactory, UserFactory, make_course

# serialized_rollback puts back what migrations created (home page, locales) after each flush, for the
# race tests of other apps that run after these in the same `-m postgres` run.
pytestmark = [
    pytest.mark.postgres,
    requires_postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def course():
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    index = root.add_child(instance=CourseIndexPage(title="Courses", slug=f"courses-{uuid.uuid4().hex[:6]}"))
    return make_course(parent=index, lessons=1)


def in_parallel(count, action):
    """Run action(i) in `count` threads released together; each closes its own connection."""
    barrier = threading.Barrier(count)

    def worker(i):
        try:
            barrier.wait(timeout=30)
            return action(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(worker, range(count)))


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("run", range(3))
def test_fifty_trainees_racing_for_ten_seats_leave_exactly_ten_enrolled(course, run):
    cohort = CohortFactory(course=course, capacity=10, waitlist=True)
    clients = [logged_in_client(UserFactory()) for _ in range(50)]

    statuses = in_parallel(50, lambda i: clients[i].post(cohort.enrol_url).status_code)

    assert set(statuses) == {302}
    counts = {s: Enrolment.objects.filter(cohort=cohort, status=s).count() for s in Enrolment.Status}
    assert counts[Enrolment.Status.ACTIVE] == 10
    assert counts[Enrolment.Status.WAITLISTED] == 40


def test_without_waitlist_the_eleventh_trainee_is_refused_not_enrolled(course):
    cohort = CohortFactory(course=course, capacity=10, waitlist=False)
    clients = [logged_in_client(UserFactory()) for _ in range(30)]

    statuses = in_parallel(30, lambda i: clients[i].post(cohort.enrol_url).status_code)

    assert sorted(statuses) == [302] * 10 + [409] * 20
    assert Enrolment.objects.filter(cohort=cohort).count() == 10


def test_twenty_parallel_clicks_of_one_trainee_make_one_enrolment(course):
    cohort = CohortFactory(course=course, capacity=10)
    client = logged_in_client(UserFactory())

    statuses = in_parallel(20, lambda i: client.post(cohort.enrol_url).status_code)

    assert set(statuses) == {302}
    assert Enrolment.objects.filter(cohort=cohort).count() == 1


def test_withdrawals_racing_with_enrolments_never_exceed_capacity(course):
    cohort = CohortFactory(course=course, capacity=5, waitlist=True)
    seated = [logged_in_client(UserFactory()) for _ in range(5)]
    for client in seated:
        client.post(cohort.enrol_url)
    newcomers = [logged_in_client(UserFactory()) for _ in range(15)]
    enrolments = list(Enrolment.objects.filter(cohort=cohort).values_list("pk", flat=True))

    def act(i):
        if i < 5:
            return seated[i].post(f"/en/learning/enrolments/{enrolments[i]}/withdraw/").status_code
        return newcomers[i - 5].post(cohort.enrol_url).status_code

    statuses = in_parallel(20, act)

    assert set(statuses) == {302}
    assert Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING).count() == 5
