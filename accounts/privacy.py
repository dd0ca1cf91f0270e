"""This app's share of a person's data: what the export contains and what erasure removes.

Every app that stores people's data has a privacy.py with the same two functions; accounts.services
calls them all (see core.discovery).
"""

from allauth.account.models import EmailAddress

from .models import LegalAcceptance, User

# The person, the framework's models and the home app's pages that point at them: what happens to each.
# Each app declares its own models in its privacy.py; tests/accounts/test_privacy_registry.py checks that
# every model linked to the user model is declared somewhere.
PERSONAL_DATA = {
    "accounts.User": "exported; deleted",
    # Consent to the privacy notice and terms is evidence about processing that ends with the account:
    # once it is erased nothing is processed on that consent, so nothing is left to prove.
    "accounts.LegalAcceptance": "exported; deleted with the account",
    "account.EmailAddress": "exported; deleted with the account",
    "mfa.Authenticator": "deleted with the account (never exported: they are secrets)",
    "wagtailusers.UserProfile": "deleted with the account",
    "wagtailadmin.EditingSession": "deleted with the account",
    "wagtailadmin.FormState": "deleted with the account",
    "wagtailcore.APIToken": "deleted with the account",
    "wagtailcore.Comment": "editors' comments on pages: deleted with the account",
    "wagtailcore.CommentReply": "deleted with the account",
    "wagtailcore.PageSubscription": "deleted with the account",
    "wagtailcore.Revision": "page history stays, unsigned",
    "wagtailcore.WorkflowState": "moderation history stays, unsigned",
    "wagtailcore.TaskState": "moderation history stays, unsigned",
    "wagtailcore.PageLogEntry": "the admin's audit log keeps the account's number, not its name",
    "wagtailcore.ModelLogEntry": "the admin's audit log keeps the account's number, not its name",
    "wagtailcore.UploadedFile": "upload authorship, unset",
    "wagtailcore.Page": "page authorship only, unset",
    "wagtaildocs.Document": "upload authorship, unset",
    "wagtailimages.Image": "upload authorship, unset",
    "wagtail_localize.StringTranslation": "translation authorship, unset",
    "wagtail_localize.SegmentOverride": "translation authorship, unset",
    "home.HomePage": "page authorship only, unset",
    "home.StandardPage": "page authorship only, unset",
}


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
        "accepted_privacy_notices_and_terms": [
            {
                "document": record.document,
                "version": record.version,
                "version_date": record.version_date.isoformat(),
                "accepted_at": record.accepted_at.isoformat(),
                "language": record.language,
            }
            for record in LegalAcceptance.objects.filter(user=user).order_by("accepted_at", "pk")
        ],
    }


def erase_user_data(user: User) -> None:
    """Nothing to do before the row goes: e-mail addresses and MFA keys are deleted with the user."""
