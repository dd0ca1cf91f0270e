from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from core import site_cache

        from .models import FooterSettings

        # The footer shows on every cached page.
        site_cache.register(FooterSettings)
