"""The notifications' share of a person's data: what they were told and how they chose to hear of it.
Erasure deletes both; in other people's notifications the person, as the one who acted, becomes "a
former member" (the actor is unset) and their name is in none of them (a snapshot is a thread's, a
lesson's or a course's title, never a name)."""

from django.utils.translation import gettext_lazy as _

from .models import Notification, Preference

EXPORT_DESCRIPTION = _(
    "Your notifications (what they said, when, whether you read them and whether an e-mail told you) "
    "and your choices of how to hear of each kind."
)

PERSONAL_DATA = {
    "notifications.Notification": "exported; deleted with the account; as the actor of others', unset",
    "notifications.Preference": "exported; deleted with the account",
}


def _when(value):
    return value.isoformat() if value else None


def export_user_data(user) -> dict:
    notifications = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    return {
        "notifications": [
            {
                "kind": n.kind,
                "about": n.snapshot,
                "link": n.target_path,
                "page": n.target_page_id,
                "created": _when(n.created_at),
                "read": _when(n.read_at),
                "emailed": _when(n.emailed_at or n.digested_at),
            }
            for n in notifications.iterator(chunk_size=1000)
        ],
        "notification_preferences": dict(
            Preference.objects.filter(user=user).values_list("kind", "delivery")
        ),
    }


def erase_user_data(user) -> None:
    Notification.objects.filter(actor=user).update(actor=None)
    Notification.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
