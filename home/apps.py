from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        from . import signals
        from .spreadsheets import neutralise_wagtail_exports

        signals.connect()
        neutralise_wagtail_exports()
