"""Writes on certificates: issue, revoke, re-issue, bulk issue. Each is one transaction.

One valid certificate per enrolment is a database constraint; the services also lock the enrolment row
(`select_for_update`) before looking for a valid certificate, so two simultaneous issues (the completion
receiver and a trainer's click) queue one behind the other and the second returns the first's certificate
instead of failing on the constraint.
"""

import hashlib
import logging
import secrets
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from home.models import FooterSettings, IssuerSettings
from learning import exceptions, notices
from learning.models import Cohort, Enrolment

from . import page_cache
from .models import STATUS_LIST_SIZE, Certificate
from .tasks import render_certificate_pdf

logger = logging.getLogger(__name__)
Status = Certificate.Status


def issuer_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        name = (
            IssuerSettings.for_site(site).organisation_name or FooterSettings.for_site(site).organisation_name
        )
        if name:
            return name
    return settings.WAGTAIL_SITE_NAME


def _person_name(user) -> str:
    return user.certificate_name or user.display_name or ""


def _snapshot(enrolment: Enrolment, language: str) -> dict:
    """What the certificate certifies, copied now: later edits to the course or profile never change it."""
    course = enrolment.cohort.course
    try:
        translated = course.get_translation_or_none(Locale.objects.get(language_code=language)) or course
    except Locale.DoesNotExist:
        translated = course
    trainers = list(enrolment.cohort.trainers.all()) or list(course.trainers.all())
    salt, hashed = recipient_identity(enrolment.user.email)
    return {
        "learner_name": _person_name(enrolment.user),
        "course_title": translated.title,
        "course_key": course.translation_key,
        "hours": course.hours,
        "completed_on": timezone.localdate(enrolment.completed_at or timezone.now()),
        "cohort_title": enrolment.cohort.title_in(language),
        "issuer_name": issuer_name(),
        "trainer_names": [_person_name(trainer) for trainer in trainers],
        "achievement_description": translated.summary,
        "achievement_criteria": translated.certificate_criteria,
        "text_language": translated.locale.language_code,
        "recipient_salt": salt,
        "recipient_hash": hashed,
    }


def recipient_identity(email: str) -> tuple[str, str]:
    """(salt, identityHash) of an e-mail as Open Badges hashes it: `sha256$` and the hex SHA-256 of the
    address followed by the salt. A fresh salt per certificate, so equal hashes link no two certificates.
    Addresses are compared lower-cased, as people type them either way."""
    if not email:
        return "", ""
    salt = secrets.token_hex(16)
    return salt, "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def _create(enrolment: Enrolment, *, issued_by, language: str) -> Certificate:
    fields = _snapshot(enrolment, language)
    for _attempt in range(20):
        # Random positions can collide; the unique index says so, and we draw again (rare at our sizes).
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    enrolment=enrolment,
                    status_list_index=secrets.randbelow(STATUS_LIST_SIZE),
                    issued_at=timezone.now(),
                    issued_by=issued_by,
                    language=language,
                    **fields,
                )
        except IntegrityError:
            if Certificate.objects.filter(enrolment=enrolment, status=Status.VALID).exists():
                raise
    raise RuntimeError("no free position in the certificate status list")


def _locked_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort__course")
        .get(pk=enrolment.pk)
    )


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment, issued_by=None, language: str = "") -> Certificate:
    """The enrolment's valid certificate, issued now if it has none. Only for a completed course.

    `language` defaults to the learner's own (their profile's); the PDF is rendered in the background.
    """
    enrolment = _locked_enrolment(enrolment)
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise exceptions.NotCompleted
    if not enrolment.cohort.course.certificate_enabled:
        raise exceptions.CertificatesDisabled
    existing = Certificate.objects.filter(enrolment=enrolment, status=Status.VALID).first()
    if existing is not None:
        return existing
    language = language or enrolment.user.language or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    certificate = _create(enrolment, issued_by=issued_by, language=language)
    transaction.on_commit(partial(render_certificate_pdf.enqueue, certificate_id=certificate.pk))
    notices.certificate_issued(certificate)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, revoked_by, reason: str, note: str = "") -> Certificate:
    """Mark a certificate revoked. It is never deleted: its code keeps answering "revoked"."""
    if reason not in Certificate.Reason.values:
        raise ValueError(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Status.VALID:
        raise exceptions.CertificateNotValid
    certificate.status = Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = revoked_by
    certificate.revocation_reason = reason
    certificate.revocation_note = note
    certificate.save(
        update_fields=["status", "revoked_at", "revoked_by", "revocation_reason", "revocation_note"]
    )
    page_cache.forget(certificate.code)
    if certificate.pdf:
        # The kept PDF is rendered again so that, downloaded now, it says "revoked" as the check page does.
        transaction.on_commit(partial(render_certificate_pdf.enqueue, certificate_id=certificate.pk))
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, issued_by, language: str = "") -> Certificate:
    """A new certificate with today's snapshot (a corrected name), replacing `certificate`.

    The old one is revoked as "reissued" and points at its replacement: a copy of it still verifies,
    as revoked, so nobody can keep using the uncorrected version as if it were current.
    """
    if certificate.enrolment_id is None:
        raise exceptions.CertificateNotValid
    _locked_enrolment(certificate.enrolment)
    old = certificate_revoke(
        certificate=certificate, revoked_by=issued_by, reason=Certificate.Reason.REISSUED
    )
    new = certificate_issue(enrolment=old.enrolment, issued_by=issued_by, language=language or old.language)
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    page_cache.forget(old.code)
    return new


@transaction.atomic
def certificates_issue_for_cohort(*, cohort: Cohort, issued_by) -> list[Certificate]:
    """Certificates for every completed enrolment of the cohort that has no valid one yet."""
    waiting = (
        Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.COMPLETED)
        .exclude(certificates__status=Status.VALID)
        .order_by("pk")
    )
    return [certificate_issue(enrolment=enrolment, issued_by=issued_by) for enrolment in waiting]


def on_course_completed(sender, *, enrolment: Enrolment, **kwargs) -> None:
    """Receiver of `learning.signals.course_completed`: issue when the course awards certificates.

    Runs after the completing transaction committed; a refusal here must not turn the trainee's
    successful request into an error page, so it is logged and a trainer can issue later.
    """
    if not enrolment.cohort.course.certificate_enabled:
        return
    try:
        certificate_issue(enrolment=enrolment)
    except exceptions.LearningError:
        logger.warning("No certificate issued for enrolment %s", enrolment.pk, exc_info=True)
