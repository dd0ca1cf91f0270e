from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Courses, lessons, cohorts, enrolment, progress and certificates (built in the learning issues)."""

    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from home.site_cache import bump_content_version

        from .certificates import checks  # noqa: F401  (registers the signing-key deploy check)
        from .certificates.services import on_course_completed
        from .learner_cache import forget_learner
        from .models import Cohort, Enrolment, LessonProgress, QuizAttempt, Reflection, Topic
        from .seats import bump_seats_version
        from .signals import course_completed
        from .tasks import on_course_completed as completion_email

        # A completed course earns its certificate (when the course awards one).
        course_completed.connect(on_course_completed, dispatch_uid="learning-certificate-on-completion")
        # Then the trainee is told, with the certificate's links: connected second, so it runs second.
        course_completed.connect(completion_email, dispatch_uid="learning-email-on-completion")

        # Topic names are cached with the content (the catalogue's filter); a rename shows at once.
        post_save.connect(bump_content_version, sender=Topic, dispatch_uid="learning-topic-saved")
        post_delete.connect(bump_content_version, sender=Topic, dispatch_uid="learning-topic-deleted")

        # Seat counts shown in cached pages follow every enrolment and cohort change. The version moves
        # after the commit: moved earlier, a reader could cache the old count under the new version.
        def seats_changed(**_kwargs):
            transaction.on_commit(bump_seats_version)

        for model in (Cohort, Enrolment):
            name = model.__name__
            post_save.connect(
                seats_changed, sender=model, weak=False, dispatch_uid=f"learning-seats-{name}-saved"
            )
            post_delete.connect(
                seats_changed, sender=model, weak=False, dispatch_uid=f"learning-seats-{name}-gone"
            )

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
