"""Completing a course: a page that marks the moment (what was achieved, the certificate, what next)
and an e-mail in the trainee's language with the certificate's links."""

import pytest

from learning.certificates.models import Certificate
from learning.models import Enrolment
from tests.certificates.helpers import completed_enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(client):
    course = make_course(title="Speaking up", lessons=1, hours=9)
    enrolment = EnrolmentFactory(user=UserFactory(language="fr"), cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    return enrolment


def finish(client, enrolment, **headers):
    lesson = lessons_of(enrolment.cohort.course)[0]
    return client.post(f"/en/learning/lessons/{lesson.pk}/complete/", headers=headers)


def test_the_action_that_completes_the_course_leads_to_a_page_that_marks_it(
    client, enrolment, django_capture_on_commit_callbacks
):
    make_course(title="Leading a campaign", lessons=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = finish(client, enrolment)

    assert response.status_code == 302
    assert response["Location"] == f"/en/learning/enrolments/{enrolment.pk}/completed/"
    html = client.get(response["Location"]).content.decode()
    assert "Congratulations!" in html
    assert "Speaking up" in html and "9 hours of learning" in html
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert f"/en/learning/certificates/{certificate.pk}/certificate.pdf" in html
    assert f"/verify/{certificate.code}/" in html
    assert "What next?" in html and "Leading a campaign" in html
    # The e-mail is queued, not yet delivered: the page must not claim it arrived.
    assert "We are also sending you these links by e-mail." in html and "sent you" not in html


def test_with_htmx_the_browser_is_sent_to_the_page_rather_than_swapping_it_into_the_lesson(
    client, enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = finish(client, enrolment, hx_request="true")

    assert response["HX-Redirect"] == f"/en/learning/enrolments/{enrolment.pk}/completed/"


def test_a_lesson_done_before_the_end_still_leads_back_to_the_lesson(client):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=make_course(lessons=2)))
    client.force_login(enrolment.user)
    lesson = lessons_of(enrolment.cohort.course)[0]

    response = client.post(f"/en/learning/lessons/{lesson.pk}/complete/")

    assert response["Location"].startswith(lesson.url)


def test_the_page_is_only_for_the_person_who_completed(client):
    theirs = completed_enrolment()
    unfinished = EnrolmentFactory(user=UserFactory())
    client.force_login(unfinished.user)

    assert client.get(f"/en/learning/enrolments/{theirs.pk}/completed/").status_code == 404
    assert client.get(f"/en/learning/enrolments/{unfinished.pk}/completed/").status_code == 404


def test_the_trainee_gets_an_email_in_their_language_with_the_certificates_links(
    client, enrolment, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish(client, enrolment)

    certificate = Certificate.objects.get(enrolment=enrolment)
    [mail] = [m for m in mailoutbox if "Speaking up" in m.subject]
    assert mail.to == [enrolment.user.email]
    assert f"/fr/learning/certificates/{certificate.pk}/certificate.pdf" in mail.body
    assert f"/fr/learning/certificates/{certificate.pk}/credential.json" in mail.body
    assert f"/verify/{certificate.code}/" in mail.body
    assert f"/fr/learning/enrolments/{enrolment.pk}/completed/" in mail.body


def test_a_course_without_certificates_says_so_on_the_page_and_in_the_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    course = make_course(title="Listening first", lessons=1, certificate_enabled=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = finish(client, enrolment)

    html = client.get(response["Location"]).content.decode()
    assert "does not award a certificate" in html
    [mail] = [m for m in mailoutbox if "Listening first" in m.subject]
    assert "certificate.pdf" not in mail.body
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED
