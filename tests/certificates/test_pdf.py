"""The certificate PDF: the learner's name in any script, hostile text printed as text and never fetched,
one file per certificate kept privately, rebuilt when missing, and only for those who may see it."""

import io
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.utils import timezone
from pypdf import PdfReader

from core.pdf import StaticFilesOnlyFetcher
from learning.certificates import pdf
from learning.certificates import services as certificates
from learning.certificates.models import Certificate, CertificateDesign
from tests.certificates.helpers import completed_enrolment
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the PDF renderer asks for."""
    urls = []
    original = StaticFilesOnlyFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesOnlyFetcher, "fetch", spy)
    return urls


@pytest.mark.parametrize(
    "name",
    [
        "<img src=file:///etc/passwd>",
        '<style>@import url("http://169.254.169.254/latest/")</style>',
        "x</p><link rel=stylesheet href=https://evil.example/x.css>",
    ],
)
def test_markup_in_a_name_is_printed_as_text_and_fetches_nothing(name, fetched):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment(name=name))

    content = pdf.certificate_pdf(certificate)

    assert "passwd" not in " ".join(fetched) and "169.254" not in " ".join(fetched)
    assert all(url.startswith(("https://static.pdf.invalid/static/", "data:")) for url in fetched)
    text = _text(content)
    assert "<img" in text or "@import" in text or "<link" in text


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("نادية رحيمي", "ar", "رحيمي"),
        ("Олена Коваленко", "en", "Коваленко"),
        ("Ελένη Παπαδοπούλου", "fr", "Παπαδοπούλου"),
        ("Aïssatou Bah · Łukasz Żółć", "fr", "Łukasz"),
    ],
)
def test_names_in_every_script_render(name, language, expected):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment(name=name, language=language))

    text = _text(pdf.certificate_pdf(certificate))

    # pypdf gives Arabic back in visual order and shaped forms; compare letters without their shapes.
    import unicodedata

    normalised = unicodedata.normalize("NFKC", text)
    assert expected in normalised or expected[::-1] in normalised
    assert certificate.code in text


def test_the_pdf_uses_the_course_design_and_the_issuer_settings(fetched):
    from wagtail.models import Site

    from home.models import IssuerSettings

    enrolment = completed_enrolment(name="Grace Mensah")
    course = enrolment.cohort.course
    course.certificate_design = CertificateDesign.objects.create(
        name="Summit",
        layout="modern",
        accent_colour="#aa3300",
        heading="Leadership Summit",
        background="dots",
    )
    course.save()
    issuer = IssuerSettings.for_site(Site.objects.get(is_default_site=True))
    issuer.signatory_name, issuer.signatory_role = "Ana Ferreira", "Director"
    issuer.save()
    certificate = certificates.certificate_issue(enrolment=enrolment)

    text = _text(pdf.certificate_pdf(certificate))

    assert "Leadership Summit" in text and "Ana Ferreira" in text and "Director" in text


def test_the_holder_and_the_cohorts_trainer_download_the_pdf_others_get_404(client):
    enrolment = completed_enrolment()
    certificate = certificates.certificate_issue(enrolment=enrolment)
    trainer = UserFactory()
    enrolment.cohort.trainers.add(trainer)
    other_trainer = UserFactory()
    CohortFactory().trainers.add(other_trainer)
    url = f"/en/learning/certificates/{certificate.pk}/certificate.pdf"

    for user, status in ((enrolment.user, 200), (trainer, 200), (other_trainer, 404), (UserFactory(), 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
        if status == 200:
            assert response.content.startswith(b"%PDF-")
            assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_a_missing_file_is_rendered_again_and_kept_privately(client, settings):
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())
    assert not certificate.pdf  # the task runs after commit; here it never ran
    client.force_login(certificate.enrolment.user)

    response = client.get(f"/en/learning/certificates/{certificate.pk}/certificate.pdf")

    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    certificate.refresh_from_db()
    assert certificate.pdf.name.startswith("certificates/")
    assert certificate.code not in certificate.pdf.name
    assert "private" in certificate.pdf.path
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018 - private storage has no public URL


def test_the_logo_is_inlined_so_the_renderer_never_reads_media(fetched):
    from wagtail.models import Site
    from wagtail_factories import ImageFactory

    from home.models import IssuerSettings

    issuer = IssuerSettings.for_site(Site.objects.get(is_default_site=True))
    issuer.logo = ImageFactory()
    issuer.save()
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())

    html = pdf.certificate_html(certificate)
    pdf.certificate_pdf(certificate)

    assert '<img class="logo" src="data:image/png;base64,' in html
    assert not [url for url in fetched if "/media/" in url or url.startswith("file:")]
    assert any(url.startswith("data:image/png") for url in fetched)


def _fonts(content: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds (subset prefixes such as ABCDEF+ removed)."""
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont", "")).split("+")[-1].replace("-", ""))
    return names


@pytest.mark.parametrize(
    ("name", "language", "expected", "font"),
    [
        ("ሳባ ተስፋይ", "ti", "ተስፋይ", "NotoSansEthiopic"),
        ("ሄኖክ ኣብርሃም", "en", "ኣብርሃም", "NotoSansEthiopic"),
        ("தமிழ்செல்வி முருகன்", "en", "முருகன்", "NotoSansTamil"),
        ("پریسا چگینی ژیان", "fa", "پریسا چگینی ژیان", "NotoNaskhArabic"),  # the classic design is serif
    ],
)
def test_geez_tamil_and_persian_names_print_with_their_fonts(name, language, expected, font):
    """Tigrinya and Amharic names (Ge'ez), Tamil names and Farsi's own letters (پ چ ژ گ ی) print with the
    vendored Noto fonts, never as boxes."""
    import shutil
    import subprocess
    import unicodedata

    certificate = certificates.certificate_issue(enrolment=completed_enrolment(name=name, language=language))

    content = pdf.certificate_pdf(certificate)

    assert any(embedded.startswith(font) for embedded in _fonts(content)), _fonts(content)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout
        text = unicodedata.normalize("NFKC", text.decode())
        # The Farsi name comes back whole since the Arabic fonts have a glyph per letter and joining form
        # (an initial پ read as چ before); tests/certificates/test_pdf_text_layer.py checks every design.
        assert expected in text


def test_when_the_pdf_cannot_be_made_the_holder_gets_a_503_and_it_is_made_again_later(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """A renderer failure is not the holder's doing: a page that says so, with a retry time, the
    certificate untouched and still verifiable, and a background render that succeeds once it can."""
    from learning.certificates.models import Certificate

    certificate = certificates.certificate_issue(enrolment=completed_enrolment())
    client.force_login(certificate.enrolment.user)
    working = pdf.certificate_pdf

    def broken(_certificate):
        raise OSError("the renderer ran out of memory")

    monkeypatch.setattr(pdf, "certificate_pdf", broken)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.get(f"/en/learning/certificates/{certificate.pk}/certificate.pdf")

    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert f"/en/verify/{certificate.code}/" in response.content.decode()
    assert client.get(f"/en/verify/{certificate.code}/").status_code == 200
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.VALID
    assert len(callbacks) == 1  # the background render, queued once the request commits

    monkeypatch.setattr(pdf, "certificate_pdf", working)
    callbacks[0]()  # the task runs (inline in tests) now that rendering works again
    certificate.refresh_from_db()
    assert certificate.pdf
    response = client.get(f"/en/learning/certificates/{certificate.pk}/certificate.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_the_pdf_dates_a_revocation_in_the_sites_zone_whoever_renders_it():
    # Rendered after the response of a reviser in Toronto (the embedded task queue), it still says the
    # day in Brussels: 23:30 UTC on 31 December is already 1 January there, still 31 December in Toronto.
    certificate = certificates.certificate_issue(enrolment=completed_enrolment())
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    certificate.revocation_reason = Certificate.Reason.ERROR

    with timezone.override(zoneinfo.ZoneInfo("America/Toronto")):
        html = pdf.certificate_html(certificate)

    assert "This certificate was revoked on 1 January 2027." in html
