"""Delivering a recorded e-mail: one attempt per run of the task, then the next one scheduled.

The attempt lives here, beside the task that re-queues it, so that outbox.services (which queues the
first attempt) imports this module and not the other way round. When the queue can run a task later
(django-tasks-db in production) a failure schedules the next attempt; the inline queue of development
and tests cannot wait, so a failure there stays recorded as failed and staff send it again.
"""

import logging
from datetime import timedelta
from functools import partial

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Waits before the 2nd, 3rd... attempt; after the last, the message is marked failed.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


@task()
def deliver_email(*, email_id: int) -> str:
    return email_deliver(email_id=email_id)


def _as_message(email: OutgoingEmail) -> EmailMessage:
    if not email.body and email.html:
        message = EmailMessage(email.subject, email.html, email.from_email, [email.to], headers=email.headers)
        message.content_subtype = "html"
        return message
    message = EmailMultiAlternatives(
        email.subject, email.body, email.from_email, [email.to], headers=email.headers
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def email_deliver(*, email_id: int) -> str:
    """One delivery attempt; returns the e-mail's status afterwards. Never raises for a mail failure."""
    # Claimed with a conditional update, so that two workers never both send the same message. The
    # attempt is counted as it starts: a message that kills its worker every time still runs out of tries.
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _as_message(email).send()
    except Exception as error:  # SMTP, API, DNS or TLS: whatever the backend raises is an outage to record
        logger.warning("E-mail %s to %s failed (attempt %s): %r", email.pk, email.to, email.attempts, error)
        return _failed(email, error)
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = email.claimed_at = None
    email.body = email.html = ""
    email.headers = {}  # the unsubscribe link is the recipient's, like the body's links
    email.save()
    return email.status


def _failed(email: OutgoingEmail, error: Exception) -> str:
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    email.claimed_at = None
    backend = deliver_email.get_backend()
    if email.attempts < MAX_ATTEMPTS and backend.supports_defer:
        email.status = OutgoingEmail.Status.QUEUED
        email.next_attempt_at = timezone.now() + RETRY_DELAYS[email.attempts - 1]
        email.save()
        transaction.on_commit(
            partial(deliver_email.using(run_after=email.next_attempt_at).enqueue, email_id=email.pk)
        )
    else:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        email.save()
    return email.status
