from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment and progress (certificates and the trainer's workspace are
    apps of their own inside this package: learning.certificates, learning.workspace)."""

    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from core import sections, site_cache

        from . import course_language
        from .models import Cohort, CourseIndexPage, Enrolment, Topic
        from .signals import course_completed
        from .tasks import on_course_completed as completion_email

        # The trainee is told, with the certificate's links: learning.certificates connects its receiver
        # first (it is listed before this app), so the certificate exists when the e-mail is written.
        course_completed.connect(completion_email, dispatch_uid="learning-email-on-completion")

        # A translated course is taught in its locale's language unless an editor says otherwise.
        course_language.connect()

        # The header's link to the catalogue (core.sections).
        sections.register("catalogue", CourseIndexPage)

        # What the cached pages show of this app (core.site_cache): topic names in the catalogue's
        # filter, cohorts and their seats left in the catalogue.
        site_cache.register(Topic)
        site_cache.register(Cohort, (site_cache.SEATS,))
        site_cache.register(
            Enrolment,
            (site_cache.SEATS,),
            ignore_fields={"last_activity_at", "signed_off_at", "signed_off_by"},  # seats stay the same
        )
