from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our e-mail + display-name user instead of first/last name."""

    user_viewset = "accounts.admin_users.UserViewSet"
