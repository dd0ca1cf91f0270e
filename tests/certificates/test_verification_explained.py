"""The check page says in plain words what was checked (issuer, signature, status, expiry), offers the
downloads to those who may have them and nobody else, and "revoked" reads the same on the page and on
the PDF of a revoked certificate."""

import io

import pytest
from django.utils import timezone
from django.utils.html import strip_tags
from pypdf import PdfReader

from learning.certificates import pdf
from learning.certificates import services as certificates
from learning.certificates.models import Certificate
from tests.certificates.helpers import completed_enrolment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificates.certificate_issue(enrolment=completed_enrolment(name="Samuel Tesfaye"))


def _pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_the_page_explains_each_check_with_links_to_what_verifiers_read(client, certificate):
    html = client.get(f"/en/verify/{certificate.code}/").content.decode()

    assert "What was checked" in html
    for check in ("Issuer:", "Signature:", "Status:", "Expiry:"):
        assert check in html
    assert "checked just now in the register: not revoked." in html
    assert 'href="/.well-known/did.json"' in html and 'href="/credentials/status/1"' in html


def test_the_holder_finds_the_downloads_on_the_page_another_person_does_not(client, certificate):
    downloads = f"/en/learning/certificates/{certificate.pk}/credential.json"

    anonymous = client.get(f"/en/verify/{certificate.code}/").content.decode()
    client.force_login(UserFactory())
    stranger = client.get(f"/en/verify/{certificate.code}/").content.decode()
    client.force_login(certificate.enrolment.user)
    holder = client.get(f"/en/verify/{certificate.code}/").content.decode()

    assert downloads not in anonymous and downloads not in stranger
    assert downloads in holder and f"/en/learning/certificates/{certificate.pk}/certificate.pdf" in holder
    assert f"/en/learning/certificates/{certificate.pk}/credential.jwt" in holder


def test_revoked_reads_the_same_on_the_page_and_on_the_pdf(
    client, certificate, django_capture_on_commit_callbacks
):
    pdf.store_pdf(certificate)
    staff = UserFactory(is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        revoked = certificates.certificate_revoke(
            certificate=certificate, revoked_by=staff, reason=Certificate.Reason.ERROR
        )

    html = " ".join(strip_tags(client.get(f"/en/verify/{certificate.code}/").content.decode()).split())
    revoked.refresh_from_db()
    with revoked.pdf.open("rb") as file:
        printed = _pdf_text(file.read())  # the kept file, rendered again at the revocation's commit

    # The day in the site's zone, as both show it (the reader here has chosen none): in UTC it is a day
    # earlier from 22:00 or 23:00 UTC on.
    date = timezone.localtime(revoked.revoked_at, timezone.get_default_timezone()).strftime("%-d %B %Y")
    sentence = f"This certificate was revoked on {date}. Reason: Issued in error."
    assert f"Revoked. {sentence}" in html
    assert "Revoked." in printed and sentence in printed
    assert "checked just now in the register: revoked" in html
