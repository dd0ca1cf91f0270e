from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import after_response_tasks


class CoreConfig(AppConfig):
    """What every app relies on and none owns: caching, routing, PDFs, localisation, middleware."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        # Imported once the app registry is ready, as Django connects receivers: these modules import
        # Wagtail's models and admin views.
        from . import admin_csp, offline, signals
        from .spreadsheets import neutralise_wagtail_exports

        after_response_tasks.connect()
        offline.connect()
        signals.connect()
        neutralise_wagtail_exports()
        admin_csp.start_choosers_without_inline_scripts()
