"""Sending e-mail: the one way every message of the platform (ours and allauth's) goes out.

`email_send` records the message and hands it to the task queue after the transaction commits; the task
(outbox.tasks) tries once, records what happened and, when the queue can run a task later
(django-tasks-db in production), schedules the next attempt. The inline queue of development and tests
cannot wait: a failure there stays recorded as failed, and staff send it again from the admin.

A worker killed mid-send (a deploy, the OOM killer) leaves its message at "sending" with no task left to
finish it: `email_requeue_stalled` (the `outbox_requeue` command, run by cron) hands every message
sending for longer than `OUTBOX_SENDING_TIMEOUT` back to the queue, each exactly once.
"""

import logging
import re
import unicodedata
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from . import layout
from .models import OutgoingEmail
from .tasks import MAX_ATTEMPTS, deliver_email

logger = logging.getLogger(__name__)

_SPACE_LIKE = re.compile(r"\s+")


def single_line(text) -> str:
    """`text` as one clean line: every line break, tab and control character becomes one space.

    A subject is a mail header: a line break in it (a cohort title typed with one) makes the mail library
    refuse the message, and would otherwise let text inject headers."""
    cleaned = "".join(" " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(text))
    return _SPACE_LIKE.sub(" ", cleaned).strip()


def email_send(
    *,
    to: str,
    subject: str,
    body: str,
    html: str = "",
    kind: str,
    from_email: str | None = None,
    language: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Record one e-mail to `to` and queue its delivery once the current transaction commits.

    `language` is the recipient's (the one `body` is written in; the active one when not given): the
    HTML part made from `body` is marked with it, right to left for Arabic and Farsi. Mail sent from
    DEFAULT_FROM_EMAIL goes out under the organisation's name. `headers` are added as they are, each
    value on one line (a line break would let it inject other headers)."""
    subject = single_line(subject)[:998]
    look = layout.site_look()
    if not from_email or from_email == settings.DEFAULT_FROM_EMAIL:
        from_email = layout.sender(look)
    language = language or translation.get_language()
    if body and not html:
        html = layout.html_alternative(body=body, subject=subject, language=language, look=look)
    body = layout.text_isolated(body, language)  # after the HTML part: it isolates with <bdi> instead
    email = OutgoingEmail.objects.create(
        kind=kind[:100],
        to=to,
        from_email=from_email,
        subject=subject,
        body=body,
        html=html,
        headers={name: single_line(value) for name, value in (headers or {}).items()},
    )
    transaction.on_commit(partial(deliver_email.enqueue, email_id=email.pk))
    return email


def email_send_message(
    *, message: EmailMessage, kind: str, language: str | None = None
) -> list[OutgoingEmail]:
    """Queue a message built elsewhere (allauth renders its own), one record per recipient."""
    html = next(
        (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"),
        "",
    )
    body = message.body
    if message.content_subtype == "html":
        body, html = "", message.body
    return [
        email_send(
            to=recipient,
            subject=message.subject,
            body=body,
            html=html,
            kind=kind,
            from_email=message.from_email,
            language=language,
        )
        for recipient in message.to
    ]


@transaction.atomic
def email_retry(*, email: OutgoingEmail) -> bool:
    """Queue a failed e-mail again (staff's "Send again"); False when it is not a failed one."""
    retried = OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at=None
    )
    if retried:
        transaction.on_commit(partial(deliver_email.enqueue, email_id=email.pk))
    return bool(retried)


def sending_timeout() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_SENDING_TIMEOUT)


@transaction.atomic
def email_requeue_stalled(*, now=None) -> list[int]:
    """Hand back to the queue every message left at "sending" by a worker that died; returns their ids.

    The rows are locked and skipped when already locked, so two sweeps running at once (two cron hosts)
    never both requeue one message; a message out of tries is marked failed instead, for staff to see."""
    cutoff = (now or timezone.now()) - sending_timeout()
    stalled = list(
        OutgoingEmail.objects.select_for_update(skip_locked=True)
        .filter(status=OutgoingEmail.Status.SENDING)
        .filter(Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True))
        .order_by("pk")
        .values_list("pk", "attempts")
    )
    requeued = [pk for pk, attempts in stalled if attempts < MAX_ATTEMPTS]
    given_up = [pk for pk, attempts in stalled if attempts >= MAX_ATTEMPTS]
    OutgoingEmail.objects.filter(pk__in=requeued).update(
        status=OutgoingEmail.Status.QUEUED, claimed_at=None, next_attempt_at=None
    )
    OutgoingEmail.objects.filter(pk__in=given_up).update(
        status=OutgoingEmail.Status.FAILED,
        claimed_at=None,
        next_attempt_at=None,
        last_error="The worker sending it stopped before it finished.",
    )
    for pk in requeued:
        logger.warning("E-mail %s was stuck at sending; queued again", pk)
        transaction.on_commit(partial(deliver_email.enqueue, email_id=pk))
    return requeued
