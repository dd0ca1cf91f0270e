from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        from . import after_response_tasks, signals
        from .spreadsheets import neutralise_wagtail_exports

        after_response_tasks.connect()

        signals.connect()
        neutralise_wagtail_exports()
