"""Issuing certificates: on completion, on sign-off, for a whole cohort, again after a name correction;
never before completion; what they certify is frozen at issue."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from learning import exceptions, services
from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from learning.models import Enrolment
from tests.certificates.helpers import completed_enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db
Status = Certificate.Status


def test_completing_the_last_lesson_issues_a_certificate_with_its_pdf(django_capture_on_commit_callbacks):
    course = make_course(title="Speaking up", lessons=1, hours=9)
    trainer = UserFactory(certificate_name="Jonas Peeters")
    cohort = CohortFactory(course=course, title="Ghent, autumn")
    cohort.trainers.add(trainer)
    trainee = UserFactory(certificate_name="Fatima Zahra Benali", language="fr")
    enrolment = EnrolmentFactory(user=trainee, cohort=cohort)

    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.status == Status.VALID
    assert (certificate.learner_name, certificate.course_title, certificate.hours) == (
        "Fatima Zahra Benali",
        "Speaking up",
        9,
    )
    assert certificate.cohort_title == "Ghent, autumn"
    assert certificate.trainer_names == ["Jonas Peeters"]
    assert certificate.language == "fr"
    assert certificate.completed_on == timezone.localdate()
    assert len(certificate.code) >= 22  # >= 128 random bits, URL-safe base64
    assert certificate.pdf.read().startswith(b"%PDF-")


def test_a_course_without_certificates_issues_none(django_capture_on_commit_callbacks):
    course = make_course(lessons=1, certificate_enabled=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))

    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])

    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.exists()
    with pytest.raises(exceptions.CertificatesDisabled):
        certificates.certificate_issue(enrolment=enrolment)


def test_sign_off_completes_the_course_and_issues_the_certificate(django_capture_on_commit_callbacks):
    course = make_course(lessons=1, requires_signoff=True)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    trainer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])
    assert not Certificate.objects.exists()  # lessons done, but waiting for the trainer

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_sign_off(enrolment=enrolment, trainer=trainer)

    assert Certificate.objects.filter(enrolment=enrolment, status=Status.VALID).count() == 1


@pytest.mark.parametrize(
    "status", [Enrolment.Status.ACTIVE, Enrolment.Status.PENDING, Enrolment.Status.WITHDRAWN]
)
def test_no_certificate_before_completion(status):
    enrolment = EnrolmentFactory(status=status)

    with pytest.raises(exceptions.NotCompleted):
        certificates.certificate_issue(enrolment=enrolment)

    assert not Certificate.objects.exists()


def test_a_tampered_issue_post_for_an_unfinished_course_is_refused(client):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.post(f"/admin/learning/certificates/enrolment/{enrolment.pk}/issue/")

    assert response.status_code == 409
    assert not Certificate.objects.exists()


def test_a_trainer_of_another_cohort_cannot_issue(client):
    enrolment = completed_enrolment()
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    response = client.post(f"/admin/learning/certificates/enrolment/{enrolment.pk}/issue/")

    # The admin answers a missing permission by sending the person back to its dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not Certificate.objects.exists()


def test_issuing_twice_returns_the_same_certificate():
    enrolment = completed_enrolment()

    first = certificates.certificate_issue(enrolment=enrolment)
    second = certificates.certificate_issue(enrolment=enrolment)

    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


def test_the_database_refuses_a_second_valid_certificate():
    from django.db import IntegrityError, transaction

    enrolment = completed_enrolment()
    first = certificates.certificate_issue(enrolment=enrolment)
    first.pk, first.code, first.status_list_index = None, "another-code-0123456789", 7
    with pytest.raises(IntegrityError), transaction.atomic():
        first.save()


def test_what_was_certified_does_not_change_when_the_course_or_profile_does():
    enrolment = completed_enrolment(name="Olena Kovalenko")
    certificate = certificates.certificate_issue(enrolment=enrolment)
    course = enrolment.cohort.course
    course.title, course.hours = "Renamed course", 40
    course.save()
    enrolment.user.certificate_name = "Someone Else"
    enrolment.user.save()

    certificate.refresh_from_db()

    assert (certificate.learner_name, certificate.course_title, certificate.hours) == (
        "Olena Kovalenko",
        "Democracy summit training",
        12,
    )


def test_reissue_after_a_name_correction_revokes_the_old_one_which_stays_verifiable(client):
    enrolment = completed_enrolment(name="Olena Kovalenkp")
    old = certificates.certificate_issue(enrolment=enrolment)
    enrolment.user.certificate_name = "Olena Kovalenko"
    enrolment.user.save()
    staff = UserFactory(is_superuser=True)

    new = certificates.certificate_reissue(certificate=old, issued_by=staff)

    old.refresh_from_db()
    assert (old.status, old.revocation_reason, old.replaced_by) == (Status.REVOKED, "reissued", new)
    assert new.status == Status.VALID and new.learner_name == "Olena Kovalenko"
    assert new.code != old.code
    page = client.get(f"/en/verify/{old.code}/")
    assert page.status_code == 200
    assert "Revoked" in page.content.decode()
    assert f"/en/verify/{new.code}/" in page.content.decode()


def test_bulk_issue_covers_completed_enrolments_without_a_valid_certificate():
    cohort = CohortFactory(course=make_course(lessons=1))
    done = [
        EnrolmentFactory(cohort=cohort, status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
        for _ in range(3)
    ]
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE)
    already = certificates.certificate_issue(enrolment=done[0])

    issued = certificates.certificates_issue_for_cohort(cohort=cohort, issued_by=None)

    assert {c.enrolment_id for c in issued} == {done[1].pk, done[2].pk}
    assert Certificate.objects.filter(status=Status.VALID).count() == 3
    assert Certificate.objects.get(enrolment=done[0]) == already


def test_status_list_positions_are_distinct():
    positions = {
        certificates.certificate_issue(enrolment=completed_enrolment()).status_list_index for _ in range(20)
    }
    assert len(positions) == 20
