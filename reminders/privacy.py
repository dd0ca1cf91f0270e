"""This app's share of a person's data: the reminders sent to them."""

from django.utils.translation import gettext_lazy as _

from .models import SentReminder

EXPORT_DESCRIPTION = _(
    "The reminders the platform sent you (before live sessions, after days without activity): which, "
    "and when."
)

PERSONAL_DATA = {
    "reminders.SentReminder": "exported; deleted with the account (a session's 30 days after it was sent)"
}


def export_user_data(user) -> dict:
    return {
        "reminders_sent": [
            {"kind": r.kind, "about": r.object_id, "occasion": r.slot, "sent": r.sent_at.isoformat()}
            for r in SentReminder.objects.filter(person=user).order_by("sent_at", "pk")
        ]
    }


def erase_user_data(user) -> None:
    SentReminder.objects.filter(person=user).delete()
