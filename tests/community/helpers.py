from django.contrib.auth.models import Group

from accounts.roles import TRAINERS
from community import services
from learning.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course


def cohort_with_people():
    """A cohort with its trainer and two active trainees, and its discussion space."""
    course = make_course()
    cohort = CohortFactory(course=course)
    trainer = UserFactory(display_name="Trainer Tess")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    cohort.trainers.add(trainer)
    amal = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE, user__display_name="Amal").user
    louis = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE, user__display_name="Louis").user
    return cohort, trainer, amal, louis, services.cohort_space(cohort=cohort)
