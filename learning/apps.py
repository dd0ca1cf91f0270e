from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment, progress and certificates (built in the learning issues)."""

    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home import site_cache

        from .certificates import checks  # noqa: F401  (registers the signing-key deploy check)
        from .certificates.services import on_course_completed
        from .learner_cache import forget_learner
        from .models import Certificate, Cohort, Enrolment, LessonProgress, QuizAttempt, Reflection, Topic
        from .signals import course_completed

        # A completed course earns its certificate (when the course awards one).
        course_completed.connect(on_course_completed, dispatch_uid="learning-certificate-on-completion")

        # What the cached pages show of this app (home.site_cache): topic names in the catalogue's
        # filter, cohorts and their seats left in the catalogue, a certificate on its verification page.
        site_cache.register(Topic)
        site_cache.register(Cohort, (site_cache.SEATS,))
        site_cache.register(Enrolment, (site_cache.SEATS,))
        site_cache.register(Certificate, lambda certificate: (f"certificate:{certificate.code}",))

        # The lesson page caches each trainee's own records (learner_cache): a write to any of them,
        # from the site, the admin or a trainer, retires that trainee's cached copy.
        def enrolment_changed(instance, **_kwargs):
            forget_learner(instance.user_id)

        def record_changed(instance, **_kwargs):
            field = type(instance).enrolment.field
            if field.is_cached(instance):
                user_id = instance.enrolment.user_id
            else:
                user_id = Enrolment.objects.filter(pk=instance.enrolment_id).values_list("user_id", flat=True)
                user_id = user_id.first()
            forget_learner(user_id)

        for model, receiver in (
            (Enrolment, enrolment_changed),
            (LessonProgress, record_changed),
            (QuizAttempt, record_changed),
            (Reflection, record_changed),
        ):
            name = model.__name__
            post_save.connect(
                receiver, sender=model, weak=False, dispatch_uid=f"learning-learner-{name}-saved"
            )
            post_delete.connect(
                receiver, sender=model, weak=False, dispatch_uid=f"learning-learner-{name}-gone"
            )

        # An invitation link opened before signup waits in the session; it is used once the person is in.
        from allauth.account.signals import user_logged_in

        from .workspace.views import join_invited_cohort

        user_logged_in.connect(join_invited_cohort, dispatch_uid="learning-workspace-invitation")
