"""Capacity and one-enrolment rules under real parallel requests, on PostgreSQL.

Each thread has its own database connection, as each gunicorn worker would. These tests commit for real
(transactional), so they run in their own pytest run (`-m postgres`, see the Makefile) and build the few
pages they need themselves, whatever the database holds.
"""

import pytest

from learning.models import Enrolment
from tests.factories import CohortFactory, UserFactory
from tests.races import RACE, in_parallel, logged_in_client

pytestmark = RACE


@pytest.fixture
def course(race_course):
    return race_course


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


def test_one_trainee_enrolling_in_two_cohorts_of_a_course_at_once_gets_one_place(course):
    """Two cohorts are two different row locks: the database constraint settles it, and the second
    request gets a clear refusal, not a server error."""
    cohorts = [CohortFactory(course=course, capacity=10) for _ in range(2)]
    client = logged_in_client(UserFactory())

    statuses = in_parallel(10, lambda i: client.post(cohorts[i % 2].enrol_url).status_code)

    assert set(statuses) <= {302, 409} and 500 not in statuses
    current = Enrolment.objects.filter(cohort__in=cohorts, status__in=Enrolment.CURRENT)
    assert current.count() == 1
