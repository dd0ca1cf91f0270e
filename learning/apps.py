from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment, progress and certificates (built in the learning issues)."""

    name = "learning"
    verbose_name = _("Learning")
