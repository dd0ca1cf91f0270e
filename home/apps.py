from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import site_cache


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        # The footer shows on every cached page.
        site_cache.register(self.get_model("FooterSettings"))
