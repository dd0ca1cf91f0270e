"""Trainers and staff in the admin: the register, revoking with a reason, re-issuing, issuing for a cohort;
and a person's certificates in their data export and after their account is erased."""

import os

import pytest
from django.contrib.auth.models import Permission

from accounts.services import user_data_export, user_erase
from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from learning.certificates.pdf import store_pdf
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Certificate.Status


@pytest.fixture
def staff(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def _trainer_of(enrolment):
    trainer = UserFactory(is_staff=True)
    trainer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    enrolment.cohort.trainers.add(trainer)
    return trainer


def test_the_register_lists_and_filters_certificates(client, staff):
    valid = certificates.certificate_issue(enrolment=completed_enrolment(name="Yusuf Ahmadi"))
    revoked = certificates.certificate_issue(enrolment=completed_enrolment(name="Hamid Nouri"))
    certificates.certificate_revoke(certificate=revoked, revoked_by=staff, reason="error")

    html = client.get("/admin/learning/certificates/").content.decode()
    assert "Yusuf Ahmadi" in html and "Hamid Nouri" in html
    assert f"/admin/learning/certificates/{valid.pk}/revoke/" in html
    assert f"/admin/learning/certificates/{revoked.pk}/revoke/" not in html

    filtered = client.get("/admin/learning/certificates/", {"status": "revoked"}).content.decode()
    assert "Hamid Nouri" in filtered and "Yusuf Ahmadi" not in filtered
    assert client.get(f"/admin/learning/certificates/inspect/{valid.pk}/").status_code == 200


def test_nobody_edits_or_deletes_a_certificate_through_the_generic_views(client, staff):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())

    for url in (
        "/admin/learning/certificates/new/",
        f"/admin/learning/certificates/edit/{certificate.pk}/",
        f"/admin/learning/certificates/delete/{certificate.pk}/",
    ):
        response = client.post(url, {"revocation_note": "x"})
        assert response.status_code in (302, 403, 404), url
    assert Certificate.objects.get(pk=certificate.pk).status == Status.VALID


def test_staff_revoke_with_a_reason(client, staff):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())
    url = f"/admin/learning/certificates/{certificate.pk}/revoke/"
    assert client.get(url).status_code == 200

    assert client.post(url, {"reason": "not-a-reason"}).status_code == 400
    response = client.post(url, {"reason": "misconduct", "note": "Plagiarised reflections"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revocation_reason, certificate.revoked_by) == (
        Status.REVOKED,
        "misconduct",
        staff,
    )
    assert client.post(url, {"reason": "error"}).status_code == 409  # already revoked


def test_the_cohorts_trainer_may_revoke_and_reissue_another_may_not(client):
    enrolment = completed_enrolment(name="Reza Karimi")
    certificate = certificates.certificate_issue(enrolment=enrolment)
    other = _trainer_of(completed_enrolment())
    client.force_login(other)
    assert client.post(f"/admin/learning/certificates/{certificate.pk}/reissue/").status_code == 302
    assert Certificate.objects.get().status == Status.VALID  # refused: nothing changed

    client.force_login(_trainer_of(enrolment))
    enrolment.user.certificate_name = "Reza Karimi-Tehrani"
    enrolment.user.save()
    response = client.post(f"/admin/learning/certificates/{certificate.pk}/reissue/")

    assert response.status_code == 302
    current = Certificate.objects.get(enrolment=enrolment, status=Status.VALID)
    assert current.learner_name == "Reza Karimi-Tehrani"
    assert Certificate.objects.get(pk=certificate.pk).revocation_reason == "reissued"


def test_bulk_issue_from_the_cohort(client, staff):
    enrolment = completed_enrolment()
    cohort = enrolment.cohort
    assert "/admin/learning/certificates/cohort/" in client.get("/admin/learning/cohorts/").content.decode()
    url = f"/admin/learning/certificates/cohort/{cohort.pk}/issue/"
    assert "1 completed trainee has no certificate yet" in client.get(url).content.decode()

    response = client.post(url)

    assert response.status_code == 302
    assert Certificate.objects.filter(enrolment__cohort=cohort, status=Status.VALID).count() == 1


def test_the_export_includes_certificates_and_erasure_anonymises_them(client):
    enrolment = completed_enrolment(name="Leila Mansour")
    user = enrolment.user
    old = certificates.certificate_issue(enrolment=enrolment)
    current = certificates.certificate_reissue(certificate=old, issued_by=None)
    store_pdf(current)
    path = current.pdf.path

    exported = user_data_export(user=user)["learning"]["certificates"]
    assert [(c["code"], c["status"]) for c in exported] == [(old.code, "revoked"), (current.code, "valid")]
    assert exported[1]["name_on_certificate"] == "Leila Mansour"

    user_erase(user=user)

    assert current.recipient_hash.startswith("sha256$")
    for certificate in (old, current):
        certificate.refresh_from_db()
        assert certificate.learner_name == "" and certificate.enrolment is None
        # The hashed e-mail goes too: whoever knows the address could otherwise still match it.
        assert certificate.recipient_hash == "" and certificate.recipient_salt == ""
        assert certificate.status == Status.REVOKED
    assert current.revocation_reason == "erased" and old.revocation_reason == "reissued"
    assert not current.pdf
    assert not os.path.exists(path)
    html = client.get(f"/en/verify/{current.code}/").content.decode()
    assert "Revoked." in html and "Leila" not in html


def test_issue_one_certificate_from_the_enrolments_list(client, staff):
    enrolment = completed_enrolment(name="Ngozi Okafor")
    url = f"/admin/learning/certificates/enrolment/{enrolment.pk}/issue/"
    assert url in client.get("/admin/learning/enrolments/").content.decode()
    assert client.get(url).status_code == 200
    assert not Certificate.objects.exists()  # a GET only asks for confirmation

    assert client.post(url).status_code == 302

    assert Certificate.objects.get(enrolment=enrolment).learner_name == "Ngozi Okafor"
