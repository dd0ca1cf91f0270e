"""This app's share of a person's data: what the export contains and what erasure removes.

Every app that stores people's data has a privacy.py with the same two functions; accounts.services
calls them all (see core.discovery). Each also says in EXPORT_DESCRIPTION what its section of the
"download my data" archive holds (the archive's README.txt), and an app that keeps files of the person
lists them in `export_user_files` (accounts.export_archive).
"""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _

from .data_export import data_exports_erase
from .models import DataExport, LegalAcceptance, User

EXPORT_DESCRIPTION = _(
    "Your account and profile: e-mail addresses, names, language, time zone, city, country, "
    "organisation, nationality, roles, the versions of the privacy notice and terms you accepted, and your "
    "requests for a copy of your data."
)

# The person, the framework's models and the home app's pages that point at them: what happens to each.
# Each app declares its own models in its privacy.py; tests/accounts/test_privacy_registry.py checks that
# every model linked to the user model is declared somewhere.
PERSONAL_DATA = {
    "accounts.User": "exported; deleted",
    "accounts.DataExport": "listed in the export (when asked, until when); deleted with the account, with "
    "its archive",
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
        "low_data": user.low_data,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "data_exports": [
            {
                "requested": export.requested_at.isoformat(),
                "status": export.status,
                "expires": export.expires_at.isoformat() if export.expires_at else None,
            }
            for export in DataExport.objects.filter(user=user).order_by("requested_at", "pk")
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
    """The archives of "download my data" are files: deleted here, their rows with the user's. E-mail
    addresses and MFA keys are deleted with the user."""
    data_exports_erase(user=user)
