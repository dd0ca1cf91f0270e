"""Sending reminders: each one once per person and occasion, whichever worker finds it due first.

A reminder is recorded (SentReminder) and its e-mail queued in one transaction: the e-mail goes out only
if the record committed, and the record's unique constraint makes a second worker's insert fail (on
PostgreSQL it waits for the first worker's commit, then fails) so that it sends nothing.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from notifications.models import Delivery
from notifications.selectors import deliveries
from notifications.services import notification_send
from outbox.services import email_send

from . import registry
from .models import SentReminder
from .registry import Reminder

logger = logging.getLogger(__name__)


def _deliver(person, reminder: Reminder) -> None:
    """Tell `person`: in the notifications centre when the kind has one there, and by e-mail in their
    language unless they chose to hear of that kind only on the site. A reminder cannot wait for the
    next day's digest: choosing the digest still e-mails it at once."""
    kind = registry.get(reminder.kind)
    by_email = True
    if kind.notification:
        by_email = deliveries(user=person)[kind.notification] != Delivery.SITE
        target, snapshot = kind.notification_target(reminder)
        notification_send(
            recipient=person, kind=kind.notification, target=target, snapshot=snapshot, emailed=by_email
        )
    if not by_email:
        return
    language = person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body = kind.render(reminder)
    email_send(
        to=person.email, subject=subject, body=body, kind=f"reminders/{reminder.kind}", language=language
    )


@transaction.atomic
def reminder_send(*, reminder: Reminder) -> bool:
    """Send `reminder` unless it was sent for its occasion already; True when this call sent it."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                person=reminder.person,
                kind=reminder.kind,
                object_id=reminder.object_id,
                slot=reminder.slot,
            )
    except IntegrityError:
        return False
    _deliver(reminder.person, reminder)
    return True


def _already_sent(kind: str, due: list[Reminder]) -> set[tuple[int, int, str]]:
    """What was sent of `due`, in one query: most runs find the same reminders sent the time before."""
    if not due:
        return set()
    return set(
        SentReminder.objects.filter(kind=kind, object_id__in={r.object_id for r in due}).values_list(
            "person_id", "object_id", "slot"
        )
    )


def reminders_send_due(
    *, kind: str | None = None, object_id: int | None = None, now: datetime | None = None
) -> dict[str, int]:
    """Send every reminder due at `now` (of one kind, for one object, when given); how many each kind
    sent. Each is its own transaction: one that cannot be written is logged and the others still go."""
    now = now or timezone.now()
    chosen = registry.kinds() if kind is None else [registry.get(kind)]
    sent = {}
    for reminder_kind in chosen:
        due = list(reminder_kind.due(now=now, object_id=object_id))
        already = _already_sent(reminder_kind.name, due)
        count = 0
        for reminder in due:
            if reminder.key in already:
                continue
            try:
                count += reminder_send(reminder=reminder)
            except Exception:  # a broken template or address must not keep everyone else unreminded
                logger.exception("Reminder %s %s for %s failed", reminder.kind, reminder.slot, reminder.key)
        sent[reminder_kind.name] = count
    return sent


def reminders_forget(*, kind: str | None = None, now: datetime | None = None) -> int:
    """Delete the records of reminders whose occasion cannot come again (each kind's `forget_after`):
    nothing about a person is kept longer than it serves. Returns how many were deleted."""
    now = now or timezone.now()
    chosen = registry.kinds() if kind is None else [registry.get(kind)]
    forgotten = 0
    for reminder_kind in chosen:
        if reminder_kind.forget_after is not None:
            old = SentReminder.objects.filter(
                kind=reminder_kind.name, sent_at__lt=now - reminder_kind.forget_after
            )
            forgotten += old.delete()[0]
    return forgotten
