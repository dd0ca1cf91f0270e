"""This app's share of a person's data: what the export contains and what erasure removes.

Every app that stores people's data has a privacy.py with the same two functions; accounts.services
calls them all (see home.discovery).
"""

from allauth.account.models import EmailAddress

from .models import User


def export_user_data(user: User) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "certificate_name": user.certificate_name,
        "language": user.language,
        "time_zone": user.time_zone,
        "city": user.city,
        "country": user.country.code,
        "organisation": user.organisation,
        "nationality": user.nationality.code,
        "show_nationality": user.show_nationality,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
    }


def erase_user_data(user: User) -> None:
    """Nothing to do before the row goes: e-mail addresses and MFA keys are deleted with the user."""
