"""The learning side's notifications (notifications.services), one function per event, each called by
the service that makes the event happen, inside its transaction: sent only if it commits."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale

from notifications.models import Kind
from notifications.services import notification_send


def _language_of(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def title_for(page, user) -> str:
    """The page's title in `user`'s language when it is translated, else its own: a notification's
    snapshot is read by them."""
    locale = Locale.objects.filter(language_code=_language_of(user)).first()
    translated = page.get_translation_or_none(locale) if locale and locale.pk != page.locale_id else None
    return (translated or page).title


def place_given(enrolment) -> None:
    """A seat given (a request approved, the waitlist moved up): leads to the course, in their language."""
    user = enrolment.user
    notification_send(
        recipient=user,
        kind=Kind.REQUEST_APPROVED,
        target=enrolment.cohort.course,
        snapshot=enrolment.cohort.title_in(_language_of(user)),
    )


def invitation_sent(invitation, invited_by, invitee) -> None:
    """An invitation to a person who has an account: it leads to the page where they say yes or no."""
    notification_send(
        recipient=invitee,
        kind=Kind.REQUEST_APPROVED,
        actor=invited_by,
        target=reverse("learning:workspace:invitation", args=[invitation.token]),
        snapshot=invitation.cohort.title_in(_language_of(invitee)),
    )


def reflection_reviewed(reflection, reviewer) -> None:
    trainee = reflection.enrolment.user
    notification_send(
        recipient=trainee,
        kind=Kind.REFLECTION_REVIEWED,
        actor=reviewer,
        target=reflection.lesson,
        anchor=f"#block-{reflection.prompt_id}",
        snapshot=title_for(reflection.lesson, trainee),
    )


def certificate_issued(certificate) -> None:
    """Leads to the course's completion page, which holds the certificate's links."""
    enrolment = certificate.enrolment
    notification_send(
        recipient=enrolment.user,
        kind=Kind.CERTIFICATE_ISSUED,
        actor=certificate.issued_by,
        target=reverse("learning:completed", args=[enrolment.pk]),
        snapshot=certificate.course_title,
    )
