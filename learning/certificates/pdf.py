"""The certificate as a PDF: HTML from a template (one per layout), rendered by core.pdf's safe renderer.

Everything the PDF needs is inlined or static: fonts are the vendored Noto files, the QR code and the
organisation's logo are data: URLs. The renderer's fetcher reads nothing else, so a name such as
`<img src=file:///etc/passwd>` is only ever text (Django escapes it) and could not be fetched anyway.
"""

import base64
import logging
import secrets

import segno
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from home.models import IssuerSettings

from . import openbadges
from .models import Certificate, CertificateDesign

logger = logging.getLogger(__name__)

LOGO_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_DESIGN = CertificateDesign(name="default", layout=CertificateDesign.Layout.CLASSIC)


def _issuer_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return IssuerSettings.for_site(site) if site else IssuerSettings()


def _logo_data_url(issuer) -> str:
    """The logo inlined, so the renderer never needs to read media files."""
    if not issuer.logo_id:
        return ""
    try:
        rendition = issuer.logo.get_rendition("max-600x240|format-png")
        with rendition.file.open("rb") as file:
            data = file.read(LOGO_MAX_BYTES + 1)
    except (OSError, ValueError):
        return ""
    if len(data) > LOGO_MAX_BYTES:
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode()


def _design(certificate: Certificate) -> CertificateDesign:
    enrolment = certificate.enrolment
    if enrolment is not None:
        design = enrolment.cohort.course.certificate_design
        if design is not None:
            return design
    return DEFAULT_DESIGN


def certificate_html(certificate: Certificate) -> str:
    issuer = _issuer_settings()
    design = _design(certificate)
    url = openbadges.verification_url(certificate, language=certificate.language)
    with translation.override(certificate.language):
        context = {
            "certificate": certificate,
            "design": design,
            "issuer": issuer,
            "accent": design.accent_colour if design.pk else issuer.primary_colour,
            "logo": _logo_data_url(issuer),
            "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=0),
            "verification_url": url,
            "rtl": translation.get_language_bidi(),
        }
        return render_to_string(f"certificates/pdf/{design.layout}.html", context)


def certificate_pdf(certificate: Certificate) -> bytes:
    from core.pdf import render_pdf  # WeasyPrint is heavy to import: only when a PDF is made

    return render_pdf(certificate_html(certificate))


def store_pdf(certificate: Certificate) -> Certificate:
    """Render and keep the PDF. The file name is random, not the public code: knowing how to verify a
    certificate must not be enough to guess where its file is stored."""
    content = certificate_pdf(certificate)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{secrets.token_hex(16)}.pdf", ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate


class PdfUnavailable(Exception):
    """The PDF cannot be made now (the renderer or the storage failed). The certificate itself, its
    verification page and its signed credentials are unaffected."""


def pdf_bytes(certificate: Certificate) -> bytes:
    """The stored PDF, rendered again first if it is missing (a lost file, or a task not run yet).

    Raises PdfUnavailable when it cannot be rendered or stored now."""
    if certificate.pdf:
        try:
            with certificate.pdf.open("rb") as file:
                return file.read()
        except (FileNotFoundError, OSError):
            pass
    try:
        store_pdf(certificate)
        with certificate.pdf.open("rb") as file:
            return file.read()
    except Exception as error:  # WeasyPrint, a font, the bucket: whatever fails, the holder can wait
        logger.exception("Certificate %s: the PDF could not be made", certificate.pk)
        raise PdfUnavailable from error
