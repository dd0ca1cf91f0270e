from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The network that lasts after a cohort: an opt-in directory of people, and messages between two."""

    name = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"
