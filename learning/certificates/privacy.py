"""The certificates' share of a person's data: the certificates they hold, exported; on erasure, kept in
the register without the person."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.export_archive import PersonalFile

from . import page_cache
from .models import Certificate
from .pdf import PdfUnavailable, pdf_bytes

logger = logging.getLogger(__name__)

# Part of the learning section of the archive, as the certificates are part of its data.
EXPORT_DESCRIPTION = _("Your certificates, as issued (the PDFs are in files/certificates/).")

# Every model of this app that points at a person, and what happens to it (tests/accounts/test_privacy_
# registry.py fails when a model linked to the user model is missing here).
PERSONAL_DATA = {
    "certificates.Certificate": "exported; kept in the register, revoked, without the name or the PDF",
}


def export_user_data(user) -> dict:
    # Part of the learning app's export (accounts.services merges a nested app's part into its package's).
    return {
        "certificates": [
            {
                "code": c.code,
                "status": c.status,
                "name_on_certificate": c.learner_name,
                "course": c.course_title,
                "cohort": c.cohort_title,
                "hours": c.hours,
                "completed_on": c.completed_on.isoformat(),
                "issued": c.issued_at.isoformat(),
                "issuer": c.issuer_name,
                "language": c.language,
                "revoked": c.revoked_at.isoformat() if c.revoked_at else None,
                "revocation_reason": c.revocation_reason,
            }
            for c in Certificate.objects.filter(enrolment__user=user).order_by("issued_at", "pk")
        ],
    }


def export_user_files(user):
    """Each certificate's PDF, made first when it was never rendered (a task not run yet)."""
    for certificate in Certificate.objects.filter(enrolment__user=user).order_by("issued_at", "pk"):
        if not certificate.pdf and certificate.status == Certificate.Status.VALID:
            try:
                pdf_bytes(certificate)  # renders and stores it
            except PdfUnavailable:
                logger.warning("Certificate %s: no PDF for the data export", certificate.pk)
        if certificate.pdf:
            yield PersonalFile(
                path=f"certificates/certificate-{certificate.code}.pdf",
                storage=certificate.pdf.storage,
                name=certificate.pdf.name,
                description=_("Your certificate for “%(course)s” (%(status)s), as a PDF.")
                % {"course": certificate.course_title, "status": certificate.get_status_display()},
            )


@transaction.atomic
def erase_user_data(user) -> None:
    """Certificates are anonymised, not deleted: copies of them may circulate (printed, in a wallet, on a
    profile), and a code that suddenly answered "unknown" would look like a forgery. So each keeps its code
    and its status-list position, is revoked as "withdrawn at the holder's request" (the signed credential
    then reads revoked too), loses the name and its PDF, and is detached from the enrolment. The course,
    dates and issuer stay: they say nothing about who the person was.
    """
    now = timezone.now()
    for certificate in Certificate.objects.select_for_update().filter(enrolment__user=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        if certificate.status == Certificate.Status.VALID:
            certificate.status = Certificate.Status.REVOKED
            certificate.revoked_at = now
            certificate.revocation_reason = Certificate.Reason.ERASED
        certificate.learner_name = ""
        # The hashed e-mail too: with the address, anyone could still tie the certificate to the person.
        certificate.recipient_salt = ""
        certificate.recipient_hash = ""
        certificate.revocation_note = ""
        certificate.enrolment = None
        certificate.save()
        page_cache.forget(certificate.code)
