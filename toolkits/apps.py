from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    """City toolkits, action-plan templates and action plans."""

    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.site_cache import bump_content_version

        from . import signals  # noqa: F401  (connects the download counter)
        from .models import Theme

        # Theme names are cached with the content (the library's filters and listing): a rename shows at once.
        post_save.connect(bump_content_version, sender=Theme, dispatch_uid="toolkits-theme-saved")
        post_delete.connect(bump_content_version, sender=Theme, dispatch_uid="toolkits-theme-deleted")
