from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment, progress and certificates (built in the learning issues)."""

    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from core import site_cache

        from .certificates import checks  # noqa: F401  (registers the signing-key deploy check)
        from .certificates.services import on_course_completed
        from .models import Certificate, Cohort, Enrolment, Topic
        from .signals import course_completed
        from .tasks import on_course_completed as completion_email

        # A completed course earns its certificate (when the course awards one).
        course_completed.connect(on_course_completed, dispatch_uid="learning-certificate-on-completion")
        # Then the trainee is told, with the certificate's links: connected second, so it runs second.
        course_completed.connect(completion_email, dispatch_uid="learning-email-on-completion")

        # What the cached pages show of this app (core.site_cache): topic names in the catalogue's
        # filter, cohorts and their seats left in the catalogue, a certificate on its verification page.
        site_cache.register(Topic)
        site_cache.register(Cohort, (site_cache.SEATS,))
        site_cache.register(
            Enrolment,
            (site_cache.SEATS,),
            ignore_fields={"last_activity_at", "signed_off_at", "signed_off_by"},  # seats stay the same
        )
        site_cache.register(Certificate, lambda certificate: (f"certificate:{certificate.code}",))
