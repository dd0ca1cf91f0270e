from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import site_cache


class ToolkitsConfig(AppConfig):
    """City toolkits, action-plan templates and action plans."""

    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self):
        # Imported once the app registry is ready, as Django connects receivers: it imports the models.
        from core import sections  # imports Wagtail's models

        from . import signals  # noqa: F401  (connects the download counter)

        # The header's link to the library (core.sections).
        sections.register("toolkit-library", self.get_model("ToolkitIndexPage"))

        # Theme names show in the cached library's filters and listing (core.site_cache).
        site_cache.register(self.get_model("Theme"))
