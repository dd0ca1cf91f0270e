from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    """City toolkits, action-plan templates and action plans."""

    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self):
        from core import site_cache

        from . import signals  # noqa: F401  (connects the download counter)
        from .models import Theme

        # Theme names show in the cached library's filters and listing (core.site_cache).
        site_cache.register(Theme)
