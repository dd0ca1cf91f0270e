"""E-mails about enrolments, sent in the background (django.tasks) in the trainee's own language."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale, Site

from home.models import FooterSettings
from outbox.services import email_send

EMAIL_KINDS = {"confirmed", "requested", "waitlisted", "approved", "rejected", "promoted"}


def _absolute_url(page) -> str:
    return settings.SITE_URL.rstrip("/") + page.get_url_parts()[2]


def _course_in(course, language: str):
    """The course page in the trainee's language when it is translated, else the cohort's own."""
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return course
    return course.get_translation_or_none(locale) or course


@task()
def send_enrolment_email(*, enrolment_id: int, kind: str) -> None:
    from .models import Enrolment

    if kind not in EMAIL_KINDS:
        raise ValueError(kind)
    enrolment = Enrolment.objects.select_related("user", "cohort__course").filter(pk=enrolment_id).first()
    if enrolment is None:  # erased before the task ran
        return
    user = enrolment.user
    site = Site.objects.filter(is_default_site=True).first()
    organisation = (
        FooterSettings.for_site(site).organisation_name if site else ""
    ) or settings.WAGTAIL_SITE_NAME
    with translation.override(user.language or settings.LANGUAGE_CODE):
        course = _course_in(enrolment.cohort.course, translation.get_language())
        context = {
            "user": user,
            "cohort": enrolment.cohort,
            "course": course,
            "course_url": _absolute_url(course),
            "dashboard_url": settings.SITE_URL.rstrip("/") + _dashboard_path(),
            "organisation": organisation,
        }
        subject = render_to_string(f"learning/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"learning/email/{kind}_message.txt", context)
    email_send(to=user.email, subject=subject, body=body, kind=f"learning/{kind}")


def _dashboard_path() -> str:
    from django.urls import reverse

    return reverse("learning:dashboard")
