"""Certificates from the trainer's workspace: issue one or all, revoke with a reason, re-issue."""

import pytest

from learning.certificates import services as certificates
from learning.certificates.models import Certificate

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(cohort):
    return enrol(cohort, Status.COMPLETED, certificate_name="Amina Yusuf")


def test_roster_offers_to_issue_for_a_completed_trainee_and_issues_it(client, trainer, cohort, completed):
    active = enrol(cohort, Status.ACTIVE)
    client.force_login(trainer)
    roster = client.get(url("cohort", cohort.pk)).content.decode()
    assert f'value="certificate_issue:{completed.pk}"' in roster
    assert f'value="certificate_issue:{active.pk}"' not in roster

    response = client.post(url("enrolment_action", cohort.pk), {"act": f"certificate_issue:{completed.pk}"})

    assert response.status_code == 302
    certificate = Certificate.objects.get(enrolment=completed)
    assert certificate.learner_name == "Amina Yusuf" and certificate.issued_by == trainer
    roster = client.get(url("cohort", cohort.pk)).content.decode()
    assert f"/verify/{certificate.code}/" in roster


def test_bulk_issue_certifies_the_completed_and_names_the_others(client, trainer, cohort, completed):
    active = enrol(cohort, Status.ACTIVE, display_name="Still Learning")
    client.force_login(trainer)

    response = client.post(
        url("enrolment_action", cohort.pk),
        {"action": "certificate_issue", "enrolments": [completed.pk, active.pk]},
        follow=True,
    )

    assert Certificate.objects.filter(enrolment=completed).count() == 1
    assert not Certificate.objects.filter(enrolment=active).exists()
    page = response.content.decode()
    assert "Still Learning: A certificate is issued only once the course is completed." in page


def test_issue_to_everyone_who_completed_skips_those_who_have_one(client, trainer, cohort, completed):
    second = enrol(cohort, Status.COMPLETED)
    certificates.certificate_issue(enrolment=second)
    client.force_login(trainer)

    response = client.post(url("certificates_issue", cohort.pk), follow=True)

    assert "1 certificate issued." in response.content.decode()
    assert Certificate.objects.filter(enrolment__cohort=cohort, status="valid").count() == 2
    again = client.post(url("certificates_issue", cohort.pk), follow=True)
    assert "already has a certificate" in again.content.decode()
    assert Certificate.objects.filter(enrolment__cohort=cohort).count() == 2


def test_revoke_with_a_reason_then_reissue(client, trainer, cohort, completed):
    certificate = certificates.certificate_issue(enrolment=completed)
    client.force_login(trainer)
    page = client.get(url("trainee", cohort.pk, completed.pk)).content.decode()
    assert url("certificate_revoke", cohort.pk, certificate.pk) in page

    client.post(
        url("certificate_revoke", cohort.pk, certificate.pk), {"reason": "error", "note": "Wrong cohort"}
    )

    certificate.refresh_from_db()
    assert (certificate.status, certificate.revocation_reason) == ("revoked", "error")
    assert certificate.revoked_by == trainer and certificate.revocation_note == "Wrong cohort"


def test_revoking_needs_a_known_reason_and_keeps_the_note(client, trainer, cohort, completed):
    certificate = certificates.certificate_issue(enrolment=completed)
    client.force_login(trainer)

    response = client.post(
        url("certificate_revoke", cohort.pk, certificate.pk), {"reason": "erased", "note": "typed text"}
    )

    assert response.status_code == 422
    assert "typed text" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_reissue_after_a_name_correction_revokes_the_old_one(client, trainer, cohort, completed):
    old = certificates.certificate_issue(enrolment=completed)
    completed.user.certificate_name = "Amina Yusuf Ali"
    completed.user.save()
    client.force_login(trainer)

    client.post(url("certificate_reissue", cohort.pk, old.pk))

    old.refresh_from_db()
    new = Certificate.objects.get(enrolment=completed, status="valid")
    assert old.status == "revoked" and old.revocation_reason == "reissued" and old.replaced_by == new
    assert new.learner_name == "Amina Yusuf Ali"
