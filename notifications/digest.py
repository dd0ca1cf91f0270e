"""The daily digest: one e-mail per person with their unread notifications not yet sent, of the kinds
they read once a day, none of them ever sent twice (`digested_at`). A run missed (a server down for a
day) is caught up by the next; what is older than CATCH_UP is left to the centre, not mailed late.

Run by `manage.py send_notification_digests` (cron, once a day) or the task of the same name. Each
person is one transaction: their rows are locked (skipped when another run holds them) and marked before
the e-mail is recorded, so two runs at once, or a run repeated, never send a notification twice.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import selectors
from .emails import digest_email_send
from .models import Delivery, Notification

CATCH_UP = timedelta(days=7)


def _pending(now):
    return Notification.objects.filter(
        read_at__isnull=True,
        digested_at__isnull=True,
        emailed_at__isnull=True,
        created_at__gt=now - CATCH_UP,
        created_at__lte=now,
    )


def digests_send(*, now=None) -> int:
    """Send every digest due; how many e-mails were sent."""
    now = now or timezone.now()
    people = list(_pending(now).values_list("recipient_id", flat=True).distinct().order_by("recipient_id"))
    return sum(_digest_one(user_id=user_id, now=now) for user_id in people)


@transaction.atomic
def _digest_one(*, user_id: int, now) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    kinds = [kind for kind, how in selectors.deliveries(user=user).items() if how == Delivery.DIGEST]
    locked = (
        _pending(now)
        .filter(recipient_id=user_id, kind__in=kinds)
        .select_for_update(skip_locked=True, of=("self",))
        .values_list("pk", flat=True)
    )
    pks = list(locked)
    if not pks:
        return False
    Notification.objects.filter(pk__in=pks).update(digested_at=now)
    rows = list(Notification.objects.filter(pk__in=pks).select_related("actor").order_by("created_at", "pk"))
    digest_email_send(user=user, notifications=rows)
    return True
