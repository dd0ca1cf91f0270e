from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    """City toolkits, action-plan templates and action plans."""

    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self):
        from . import signals  # noqa: F401  (connects the download counter)
