"""The images a certificate shows, inlined: the PDF's logo, seal, signatures and partners' logos, and the
Open Badges credential's issuer and achievement images.

Inlined as PNG data: URLs, so the PDF renderer never reads media files and a credential carries its
images inside what is signed: a hosted image could change, move or (in a private bucket) expire after
the credential is issued, a data: URL cannot (Open Badges 3.0 allows both for an `Image`'s `id`).
"""

import base64

from wagtail.models import Site

from home.models import IssuerSettings

from .models import Certificate, CertificateDesign

IMAGE_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_DESIGN = CertificateDesign(name="default", layout=CertificateDesign.Layout.CLASSIC)


def issuer_settings() -> IssuerSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return IssuerSettings.for_site(site) if site else IssuerSettings()


def design_for(certificate: Certificate) -> CertificateDesign:
    enrolment = certificate.enrolment
    if enrolment is not None:
        design = enrolment.cohort.course.certificate_design
        if design is not None:
            return design
    return DEFAULT_DESIGN


def image_data_url(image, size: str) -> str:
    """`image` as a PNG data: URL of the rendition `size` (e.g. "max-600x240"); "" without one."""
    if image is None:
        return ""
    try:
        rendition = image.get_rendition(f"{size}|format-png")
        with rendition.file.open("rb") as file:
            data = file.read(IMAGE_MAX_BYTES + 1)
    except (OSError, ValueError):
        return ""
    if len(data) > IMAGE_MAX_BYTES:
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode()
