from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment, progress and certificates (built in the learning issues)."""

    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.site_cache import bump_content_version

        from .models import Topic

        # Topic names are cached with the content (the catalogue's filter); a rename shows at once.
        post_save.connect(bump_content_version, sender=Topic, dispatch_uid="learning-topic-saved")
        post_delete.connect(bump_content_version, sender=Topic, dispatch_uid="learning-topic-deleted")
