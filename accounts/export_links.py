"""The e-mailed link to a prepared data export: a signed token naming the export and its owner.

The signature makes the address unguessable and untouchable; the view still checks that the export
belongs to whoever is signed in (a forwarded link opens nothing for someone else), and the export's
own expiry date, kept in the database, decides how long it works."""

from django.core import signing
from django.urls import reverse

from core.absolute_urls import absolute_url

SALT = "accounts.data_export.link"


def link_token(export) -> str:
    # No timestamp in it: the same export always has the same link (in the e-mail and on the page).
    return signing.Signer(salt=SALT).sign_object({"export": export.pk, "user": export.user_id})


def link_owner_and_export(token: str) -> tuple[int, int] | None:
    """(user id, export id) the token was made for, or None when it was not made by us."""
    try:
        payload = signing.Signer(salt=SALT).unsign_object(token)
        return int(payload["user"]), int(payload["export"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def download_path(export) -> str:
    return reverse("accounts:data_export_download", args=[link_token(export)])


def download_url(export) -> str:
    return absolute_url(download_path(export))
