"""One valid certificate per enrolment when issues race (the completion receiver, a trainer's click, a
bulk issue), on PostgreSQL with real threads, each with its own connection, as gunicorn workers would.

Like test_concurrency.py: these commit for real, so they run in the `-m postgres` run, and build what they
need themselves.
"""

import pytest
from django.utils import timezone

from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory
from tests.races import RACE, in_parallel

pytestmark = RACE


@pytest.fixture
def course(race_course):
    return race_course


def _completed(course) -> Enrolment:
    return EnrolmentFactory(
        cohort=CohortFactory(course=course),
        user=UserFactory(certificate_name="Ngozi Okafor"),
        status=Enrolment.Status.COMPLETED,
        completed_at=timezone.now(),
    )


@pytest.mark.parametrize("run", range(3))
def test_twenty_simultaneous_issues_make_one_valid_certificate(course, run):
    enrolment = _completed(course)

    codes = in_parallel(20, lambda i: certificates.certificate_issue(enrolment=enrolment).code)

    assert len(set(codes)) == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_bulk_issue_racing_with_single_issues_and_a_reissue_leaves_one_valid_each(course):
    enrolments = [_completed(course) for _ in range(5)]
    cohort = enrolments[0].cohort
    for enrolment in enrolments[1:]:
        Enrolment.objects.filter(pk=enrolment.pk).update(cohort=cohort)
    first = certificates.certificate_issue(enrolment=enrolments[0])
    staff = UserFactory(is_superuser=True)

    def act(i):
        if i == 0:
            return certificates.certificate_reissue(certificate=first, issued_by=staff)
        if i < 5:
            return certificates.certificates_issue_for_cohort(cohort=cohort, issued_by=staff)
        return certificates.certificate_issue(enrolment=enrolments[i % 5])

    in_parallel(10, act)

    for enrolment in enrolments:
        assert Certificate.objects.filter(enrolment=enrolment, status=Certificate.Status.VALID).count() == 1
    assert Certificate.objects.get(pk=first.pk).status == Certificate.Status.REVOKED
