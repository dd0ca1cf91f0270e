from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    """City toolkits, action-plan templates and action plans (built in the toolkits issue)."""

    name = "toolkits"
    verbose_name = _("Toolkits")
