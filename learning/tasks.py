"""E-mails about enrolments, sent in the background (django.tasks) in the trainee's own language."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.absolute_urls import absolute_url
from core.localize import page_in_language
from home.models import FooterSettings
from outbox.services import email_send

from .certificates.models import Certificate
from .certificates.openbadges import verification_url
from .models import Enrolment, Reflection

EMAIL_KINDS = {"confirmed", "requested", "waitlisted", "approved", "rejected", "promoted"}


@task()
def send_enrolment_email(*, enrolment_id: int, kind: str) -> None:
    if kind not in EMAIL_KINDS:
        raise ValueError(kind)
    enrolment = Enrolment.objects.select_related("user", "cohort__course").filter(pk=enrolment_id).first()
    if enrolment is None:  # erased before the task ran
        return
    user = enrolment.user
    organisation = _organisation()
    with translation.override(user.language or settings.LANGUAGE_CODE):
        course = page_in_language(enrolment.cohort.course, translation.get_language())
        context = {
            "user": user,
            "cohort": enrolment.cohort,
            "course": course,
            "course_url": absolute_url(course.get_url_parts()[2]),
            "dashboard_url": absolute_url(_dashboard_path()),
            "organisation": organisation,
        }
        subject = render_to_string(f"learning/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"learning/email/{kind}_message.txt", context)
    email_send(
        to=user.email,
        subject=subject,
        body=body,
        kind=f"learning/{kind}",
        language=user.language or settings.LANGUAGE_CODE,
    )


def _dashboard_path() -> str:
    return reverse("learning:dashboard")


def _organisation() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (FooterSettings.for_site(site).organisation_name if site else "") or settings.WAGTAIL_SITE_NAME


def on_course_completed(sender, *, enrolment, **kwargs) -> None:
    """Receiver of `course_completed`, connected after the certificate's: the e-mail carries its links."""
    send_completion_email.enqueue(enrolment_id=enrolment.pk)


@task()
def send_completion_email(*, enrolment_id: int) -> None:
    """Congratulations, in the trainee's language, with the certificate's links when it has one."""
    enrolment = (
        Enrolment.objects.select_related("user", "cohort__course")
        .filter(pk=enrolment_id, status=Enrolment.Status.COMPLETED)
        .first()
    )
    if enrolment is None:  # erased, or the completion undone, before the task ran
        return
    user = enrolment.user
    certificate = Certificate.objects.filter(enrolment=enrolment, status=Certificate.Status.VALID).first()
    with translation.override(user.language or settings.LANGUAGE_CODE):
        course = page_in_language(enrolment.cohort.course, translation.get_language())
        context = {
            "user": user,
            "cohort": enrolment.cohort,
            "course": course,
            "completion_url": absolute_url(reverse("learning:completed", args=[enrolment.pk])),
            "dashboard_url": absolute_url(_dashboard_path()),
            "organisation": _organisation(),
            "certificate": certificate,
            "certificate_expected": enrolment.cohort.course.certificate_enabled,
        }
        if certificate is not None:
            context |= {
                "verification_url": verification_url(certificate),  # to share: opens in the reader's language
                "pdf_url": absolute_url(reverse("certificates:pdf", args=[certificate.pk])),
                "credential_url": absolute_url(reverse("certificates:credential", args=[certificate.pk])),
            }
        subject = render_to_string("learning/email/completed_subject.txt", context).strip()
        body = render_to_string("learning/email/completed_message.txt", context)
    email_send(
        to=user.email,
        subject=subject,
        body=body,
        kind="learning/completed",
        language=user.language or settings.LANGUAGE_CODE,
    )


@task()
def send_revision_email(*, reflection_id: int) -> None:
    """The trainer asked for a revision: the trainee is told what and where, in their language."""
    reflection = (
        Reflection.objects.select_related("enrolment__user", "enrolment__cohort", "lesson")
        .filter(pk=reflection_id, status=Reflection.Status.REVISION)
        .first()
    )
    if reflection is None:  # accepted or erased since
        return
    user = reflection.enrolment.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        lesson = page_in_language(reflection.lesson, translation.get_language())
        context = {
            "user": user,
            "reflection": reflection,
            "lesson": lesson,
            "cohort": reflection.enrolment.cohort,
            "lesson_url": f"{absolute_url(lesson.get_url_parts()[2])}#block-{reflection.prompt_id}",
            "dashboard_url": absolute_url(_dashboard_path()),
            "organisation": _organisation(),
        }
        subject = render_to_string("learning/email/revision_subject.txt", context).strip()
        body = render_to_string("learning/email/revision_message.txt", context)
    email_send(
        to=user.email,
        subject=subject,
        body=body,
        kind="learning/revision",
        language=user.language or settings.LANGUAGE_CODE,
    )
