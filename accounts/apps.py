from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # Two configs live in this module: say which one "accounts" in INSTALLED_APPS means.
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from core import site_cache, sites
        from core.language import language_switched

        from .consent import CURRENT_VERSIONS_ALONG, current_versions_query
        from .language_offer import offer_after_switch

        # A signed-in person who switches language may want their e-mails and certificates in it too.
        language_switched.connect(offer_after_switch, dispatch_uid="accounts-offer-language")
        # Which versions of the privacy notice and terms are current is cached (accounts.consent); a
        # new draft of one changes nothing anybody is asked.
        site_cache.register(
            self.get_model("LegalVersion"), ignore_fields={"latest_revision", "has_unpublished_changes"}
        )
        # Asked on every page of a signed-in person: with an empty cache, read with the sites.
        sites.read_pairs_along(CURRENT_VERSIONS_ALONG, current_versions_query, "document", "pk")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our e-mail + display-name user instead of first/last name."""

    user_viewset = "accounts.admin_users.UserViewSet"
