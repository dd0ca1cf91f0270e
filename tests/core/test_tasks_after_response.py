"""Work a request starts in the background (a certificate's PDF, e-mails) runs after its response has
been sent, so the person does not wait for it; outside a request it runs at once."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from learning import services
from learning.certificates.models import Certificate
from tests.factories import CohortFactory, EnrolmentFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def serving():
    """Begin and end a request as a WSGI server does (without closing the test's database connection,
    as Django's test client does too)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None, environ={})
        yield lambda: request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_completing_a_course_issues_the_certificate_at_once_and_renders_its_pdf_after_the_response(
    serving, django_capture_on_commit_callbacks
):
    course = make_course(lessons=1)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))

    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert not certificate.pdf  # the response is not kept waiting for it
    send_response = serving
    send_response()
    certificate.refresh_from_db()
    assert certificate.pdf.read().startswith(b"%PDF-")


def test_outside_a_request_the_pdf_is_rendered_at_once(django_capture_on_commit_callbacks):
    course = make_course(lessons=1)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))

    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])

    assert Certificate.objects.get(enrolment=enrolment).pdf.read().startswith(b"%PDF-")
