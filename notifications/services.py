"""Every write of the notifications: the triggers in other apps' services, the pages and the commands
all come through here.

`notification_send` is called inside the triggering service's transaction and acts once it commits
(`robust`: a failure here is logged and never turns the trainee's committed action into an error). A
notification is never sent to the person whose action it is about, nor to an account that is closed.
"""

import logging
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from . import emails, selectors
from .links import language_free
from .models import SNAPSHOT_LENGTH, Delivery, Kind, Notification, Preference
from .unsubscribe import DIGEST

logger = logging.getLogger(__name__)


def notification_send(
    *,
    recipient,
    kind: str,
    actor=None,
    target: str | Page = "",
    anchor: str = "",
    snapshot: str = "",
    emailed: bool = False,
) -> None:
    """Tell `recipient` that `kind` happened, once the current transaction commits.

    `target` is a path on this site (with or without its language prefix: it is stored without) or a
    page (shown in the reader's language when opened); `anchor` ("#block-3") is added to it. `snapshot`
    is the short plain text to show (a thread's title): it is escaped wherever it is shown. `emailed`: the
    caller sent an e-mail of its own about it (a reminder), so neither an e-mail nor a digest repeats it."""
    if kind not in Kind.values:
        raise ValueError(kind)
    if recipient is None or (actor is not None and actor.pk == recipient.pk):
        return
    if isinstance(target, Page):
        target_page, target_path = target, anchor
    else:
        target_page, target_path = None, language_free(target) + anchor if target else ""
    fields = {
        "recipient_id": recipient.pk,
        "kind": kind,
        "actor_id": actor.pk if actor is not None else None,
        "target_path": target_path[:500],
        "target_page_id": target_page.pk if target_page is not None else None,
        "snapshot": " ".join(str(snapshot).split())[:SNAPSHOT_LENGTH],
        "emailed_at": timezone.now() if emailed else None,
    }
    transaction.on_commit(partial(_create, fields), robust=True)


@transaction.atomic
def _create(fields: dict) -> Notification | None:
    recipient = get_user_model().objects.filter(pk=fields["recipient_id"], is_active=True).first()
    if recipient is None:  # erased or closed before the trigger's commit
        return None
    notification = Notification.objects.create(**fields)
    if (
        notification.emailed_at is None
        and selectors.deliveries(user=recipient)[notification.kind] == Delivery.IMMEDIATE
    ):
        notification.recipient = recipient
        emails.notification_email_send(notification=notification)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return notification


def notifications_withdraw(*, target: str) -> int:
    """Delete the unread notifications that lead to `target` (a path, as for notification_send): a post
    a moderator hid no longer calls anyone to it. Those already read stay in their reader's history."""
    path = language_free(target)
    if not path:
        return 0
    deleted, _by_model = Notification.objects.filter(target_path=path, read_at__isnull=True).delete()
    return deleted


def notification_open(*, notification: Notification) -> None:
    """Mark it read (opening it twice keeps the first time)."""
    now = timezone.now()
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
    notification.read_at = notification.read_at or now


def notifications_mark_read(*, recipient, pks=None) -> int:
    """Mark the person's unread notifications read (all of them, or those of `pks`); how many."""
    unread = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def preferences_save(*, user, deliveries: dict[str, str]) -> None:
    """Store the person's choice for each kind given (one row per kind, changed in place)."""
    for kind, delivery in deliveries.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValueError((kind, delivery))
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


@transaction.atomic
def preference_unsubscribe(*, user, kind: str) -> list[str]:
    """The one-click unsubscribe: `kind` (or, for the digest, every kind sent in it) only on the site
    from now on. Returns the kinds changed; pressing twice changes nothing more."""
    current = selectors.deliveries(user=user)
    if kind == DIGEST:
        kinds = [k for k, delivery in current.items() if delivery == Delivery.DIGEST]
    else:
        kinds = [kind] if current[kind] != Delivery.SITE else []
    preferences_save(user=user, deliveries=dict.fromkeys(kinds, Delivery.SITE))
    return kinds
