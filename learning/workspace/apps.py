from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The trainer's workspace: cohorts run from the site, its messages to a cohort and its invitations."""

    name = "learning.workspace"
    label = "workspace"
    verbose_name = _("Trainer's workspace")
    default_auto_field = "django.db.models.BigAutoField"
