"""Shared set-up of the certificate tests: a trainee who completed a course."""

from django.utils import timezone

from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course


def completed_enrolment(*, name="Amina Diallo", language="en", course=None, **user_fields) -> Enrolment:
    course = course or make_course(title="Democracy summit training", lessons=1, hours=12)
    user = UserFactory(certificate_name=name, language=language, **user_fields)
    cohort = CohortFactory(course=course, title="Brussels, spring")
    return EnrolmentFactory(
        user=user, cohort=cohort, status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
