"""This app's share of a person's data: the e-mails sent to their addresses."""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _

from .models import OutgoingEmail

EXPORT_DESCRIPTION = _(
    "The e-mails the platform sent to your addresses: subject, date and whether they were delivered."
)

# Not linked to the user model (an address may have no account), but personal: see learning/privacy.py.
PERSONAL_DATA = {"outbox.OutgoingEmail": "exported; deleted with the account, by address"}


def _addresses(user) -> set[str]:
    return {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}


def export_user_data(user) -> dict:
    return {
        "emails": [
            {"to": e.to, "subject": e.subject, "status": e.status, "queued_at": e.created_at.isoformat()}
            for e in OutgoingEmail.objects.filter(to__in=_addresses(user))
        ]
    }


def erase_user_data(user) -> None:
    OutgoingEmail.objects.filter(to__in=_addresses(user)).delete()
