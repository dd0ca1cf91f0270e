from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import site_cache


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        from core import sites  # imports Wagtail's models

        # The footer shows on every cached page: read with the sites when the cache is empty.
        site_cache.register(self.get_model("FooterSettings"))
        sites.read_settings_along(self.get_model("FooterSettings"))
