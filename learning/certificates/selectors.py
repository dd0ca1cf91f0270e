"""Reads: who may download a certificate, and the certificates shown on a dashboard."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from . import openbadges
from .models import Certificate


def may_manage(*, user, certificate: Certificate) -> bool:
    """Staff with the permission, and the trainers of the certificate's cohort."""
    if user.has_perm("certificates.change_certificate"):
        return True
    enrolment = certificate.enrolment
    return enrolment is not None and enrolment.cohort.trainers.filter(pk=user.pk).exists()


def downloadable_certificate(*, user, pk: int) -> Certificate:
    """The certificate if `user` holds it, trains its cohort or is staff; 404 otherwise (not 403: nobody
    learns that a certificate number exists)."""
    certificate = (
        Certificate.objects.select_related("enrolment__cohort__course__certificate_design")
        .filter(pk=pk)
        .first()
    )
    if certificate is None:
        raise Http404
    enrolment = certificate.enrolment
    if enrolment is not None and enrolment.user_id == user.pk:
        return certificate
    if may_manage(user=user, certificate=certificate):
        return certificate
    raise Http404


def certificates_by_enrolment(enrolment_ids) -> dict[int, Certificate]:
    """The valid certificate of each enrolment, in one query."""
    return {
        certificate.enrolment_id: certificate
        for certificate in Certificate.objects.filter(
            enrolment_id__in=enrolment_ids, status=Certificate.Status.VALID
        )
    }


@dataclass(frozen=True)
class HolderLinks:
    """What a holder can do with their certificate: download it, share its check, add it to LinkedIn."""

    certificate: Certificate
    verification_url: str
    linkedin_url: str


def holder_links(certificate: Certificate) -> HolderLinks:
    url = openbadges.verification_url(certificate)
    organisation = (
        # LinkedIn links the certification to the organisation's page only when given its id.
        {"organizationId": settings.LINKEDIN_ORGANIZATION_ID}
        if settings.LINKEDIN_ORGANIZATION_ID
        else {"organizationName": certificate.issuer_name}
    )
    # The month the holder saw it issued (the page's "Issued on"), not UTC's: issued at 23:30 UTC on
    # 31 December, it was issued in January in Brussels.
    issued = timezone.localtime(certificate.issued_at)
    linkedin = "https://www.linkedin.com/profile/add?" + urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": certificate.course_title,
            **organisation,
            "issueYear": issued.year,
            "issueMonth": issued.month,
            "certUrl": url,
            "certId": certificate.code,
        }
    )
    return HolderLinks(certificate=certificate, verification_url=url, linkedin_url=linkedin)
