"""Two trainers approving different pending trainees for the last seat at the same moment, on PostgreSQL:
the cohort row lock of learning.services lets exactly one of them take it."""

import pytest

from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory
from tests.races import RACE, in_parallel, logged_in_client

from .conftest import make_trainer, url

pytestmark = RACE


@pytest.fixture
def course(race_course):
    return race_course


@pytest.mark.parametrize("waitlist", [False, True])
@pytest.mark.parametrize("run", range(3))
def test_two_trainers_approving_for_the_last_seat_never_exceed_capacity(course, waitlist, run):
    cohort = CohortFactory(course=course, capacity=2, waitlist=waitlist)
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE)
    trainers = [make_trainer(), make_trainer()]
    cohort.trainers.add(*trainers)
    pending = [EnrolmentFactory(cohort=cohort, status=Enrolment.Status.PENDING) for _ in range(2)]
    clients = [logged_in_client(trainer) for trainer in trainers]

    statuses = in_parallel(
        2,
        lambda i: (
            clients[i]
            .post(url("enrolment_action", cohort.pk), {"act": f"approve:{pending[i].pk}"})
            .status_code
        ),
    )

    assert statuses == [302, 302]
    assert Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING).count() == 2
    others = {Enrolment.objects.get(pk=e.pk).status for e in pending} - {Enrolment.Status.ACTIVE}
    assert others == ({Enrolment.Status.WAITLISTED} if waitlist else {Enrolment.Status.PENDING})
