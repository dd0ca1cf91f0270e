"""The certificate as a PDF: HTML from a template (one per layout), rendered by core.pdf's safe renderer.

Everything the PDF needs is inlined or static: fonts are the vendored Noto files, the QR code and every
image (logo, seal, signatures, partners' logos: images.py) are data: URLs. The renderer's fetcher reads
nothing else, so a name such as `<img src=file:///etc/passwd>` is only ever text (Django escapes it) and
could not be fetched anyway.
"""

import logging
import math
import secrets

import segno
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import openbadges
from .images import design_for, image_data_url, issuer_settings
from .models import Certificate, CertificateDesign

logger = logging.getLogger(__name__)

# Paper in millimetres, (width, height) in portrait.
PAPER = {CertificateDesign.PaperSize.A4: (210, 297), CertificateDesign.PaperSize.LETTER: (215.9, 279.4)}
# Serif type for the formal layout; the others are set in Noto Sans.
SERIF_LAYOUTS = {CertificateDesign.Layout.CLASSIC}
# The rendition each kind of image is printed from: about 300 dpi at its printed size (a signature is
# 52 mm wide, a seal 32 mm, a partner's logo 38 mm), no more: every pixel is decoded at each render.
LOGO, SIGNATURE, SEAL, PARTNER = "max-600x240", "max-600x200", "max-360x360", "max-450x180"


def _seal_edge(points: int = 36, outer: float = 50, inner: float = 45.5) -> str:
    """The serrated rim of the plain seal (an SVG path around 0,0), drawn when a design has no emblem."""
    corners = []
    for index in range(points * 2):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi * index / points
        corners.append(f"{radius * math.sin(angle):.2f},{-radius * math.cos(angle):.2f}")
    return "M" + " L".join(corners) + " Z"


SEAL_EDGE = _seal_edge()


def _page(design: CertificateDesign) -> dict:
    short, long = PAPER[design.paper_size]
    portrait = design.orientation == CertificateDesign.Orientation.PORTRAIT
    width, height = (short, long) if portrait else (long, short)
    # Strings: a template localises numbers ("215,9" in French), which CSS would not read.
    return {"width": f"{width:g}", "height": f"{height:g}", "portrait": portrait}


def certificate_html(certificate: Certificate) -> str:
    issuer = issuer_settings()
    design = design_for(certificate)
    url = openbadges.verification_url(certificate, language=certificate.language)
    partners = list(design.partners.select_related("logo")) if design.pk else []
    # One document for every reader, whoever's request or worker renders it: its dates are the site's.
    # A task run after a response would otherwise inherit the zone of the person who revoked it.
    with translation.override(certificate.language), timezone.override(timezone.get_default_timezone()):
        context = {
            "certificate": certificate,
            "design": design,
            "issuer": issuer,
            "accent": design.accent_colour if design.pk else issuer.primary_colour,
            "page": _page(design),
            "serif": design.layout in SERIF_LAYOUTS,
            "logo": image_data_url(issuer.logo, LOGO),
            "signatures": [
                {"name": name, "role": role, "image": image_data_url(image, SIGNATURE)}
                for name, role, image in issuer.signature_blocks
            ],
            "seal": image_data_url(design.seal, SEAL) if design.pk else "",
            "seal_edge": SEAL_EDGE,
            "partners": [
                {"name": partner.name, "logo": image_data_url(partner.logo, PARTNER)} for partner in partners
            ],
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
