"""One valid certificate per enrolment when issues race (the completion receiver, a trainer's click, a
bulk issue), on PostgreSQL with real threads, each with its own connection, as gunicorn workers would.

Like test_concurrency.py: these commit for real, so they run in the `-m postgres` run, and build what they
need themselves.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.utils import timezone
from wagtail.models import Locale, Page

from learning.certificates import services as certificates
from learning.models import Certificate, CourseIndexPage, Enrolment
from tests.conftest import requires_postgres
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course

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
