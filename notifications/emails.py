"""The notifications' e-mails, each in its recipient's language, through the outbox, each with its
one-click unsubscribe (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058) and the same link in its
text. They name what happened and link to it; they carry no post's text."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.absolute_urls import absolute_url
from outbox.layout import site_look
from outbox.services import email_send

from .models import Notification
from .sentences import sentence
from .unsubscribe import DIGEST, email_headers, unsubscribe_url


def _language(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def _send(*, user, kind: str, template: str, context: dict) -> None:
    language = _language(user)
    with translation.override(language):
        context |= {
            "user": user,
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "unsubscribe_url": unsubscribe_url(user=user, kind=kind, language=language),
            "centre_url": absolute_url(reverse("notifications:centre")),
            "organisation": site_look().organisation or settings.WAGTAIL_SITE_NAME,
        }
        for notification in context.get("notifications", ()):
            notification.sentence = sentence(notification)
            notification.open_url = absolute_url(reverse("notifications:open", args=[notification.pk]))
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"notifications/email/{template}_message.txt", context)
    email_send(
        to=user.email,
        subject=subject,
        body=body,
        kind=f"notifications/{template}",
        language=language,
        headers=email_headers(user=user, kind=kind, language=language),
    )


def notification_email_send(*, notification: Notification) -> None:
    """One notification at once (the person chose "by e-mail at once" for its kind)."""
    _send(
        user=notification.recipient,
        kind=notification.kind,
        template="notification",
        context={"notifications": [notification], "notification": notification},
    )


def digest_email_send(*, user, notifications: list[Notification]) -> None:
    """The day's notifications of the kinds the person reads once a day, in one e-mail."""
    _send(user=user, kind=DIGEST, template="digest", context={"notifications": notifications})
