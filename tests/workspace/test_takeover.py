"""The takeover found by the security test, step by step: a second trainer makes a cohort of the same
course and invites a trainee who already learns with another trainer. Every step that would move the
trainee, their reflections, quiz attempts or progress into the new cohort is refused."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from learning import exceptions, services
from learning.models import Enrolment, LessonProgress, QuizAttempt, Reflection
from learning.workspace.models import CohortInvitation
from tests.factories import (
    EnrolmentFactory,
    UserFactory,
    lessons_of,
    make_course,
    quiz_block,
    reflection_block,
    text_block,
)

from .conftest import Status, cohort_of, make_trainer, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return make_course(
        bodies=[[text_block()], [quiz_block(block_id="quiz")], [reflection_block(block_id="ref")]]
    )


def test_a_second_trainer_cannot_take_over_another_trainers_trainee(
    client, course, django_capture_on_commit_callbacks
):
    real_trainer, intruder = make_trainer(), make_trainer()
    real_cohort = cohort_of(real_trainer, course=course, title="The real cohort")
    trainee = UserFactory(email="amina@example.org")
    real = EnrolmentFactory(cohort=real_cohort, user=trainee, status=Status.ACTIVE)
    text, quiz, reflection = lessons_of(course)
    client.force_login(trainee)
    client.post(f"/en/learning/lessons/{text.pk}/complete/")
    assert LessonProgress.objects.filter(enrolment=real).count() == 1

    # 1. The intruder makes a cohort of the same course (allowed: trainers run cohorts of any course)…
    client.force_login(intruder)
    client.post(
        url("cohort_create"),
        {"course": course.pk, "title": "Intruder cohort", "enrolment_mode": "open", "language": "en"},
    )
    intruder_cohort = intruder.trained_cohorts.get(title="Intruder cohort")

    # 2. …and invites the trainee's address: an invitation goes out, nobody is enrolled.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invite", intruder_cohort.pk), {"addresses": "amina@example.org"})
    assert not Enrolment.objects.filter(cohort=intruder_cohort).exists()

    # 3. Even if the trainee opens the link and says yes, the one place per course is kept.
    invitation = CohortInvitation.objects.get(cohort=intruder_cohort)
    client.force_login(trainee)
    response = client.post(url("invitation", invitation.token), follow=True)
    assert "already have a place in another cohort of this course" in response.content.decode()
    assert not Enrolment.objects.filter(cohort=intruder_cohort).exists()

    # 4. Enrolling by hand in the intruder's open cohort is refused the same way.
    response = client.post(reverse("learning:enrol", args=[intruder_cohort.pk]), follow=True)
    assert not Enrolment.objects.filter(cohort=intruder_cohort).exists()

    # 5. The trainee's next reflection and quiz attempt go to the real cohort; progress is kept.
    client.post(f"/en/learning/lessons/{reflection.pk}/reflection/ref/", {"text": "One two three four"})
    client.post(f"/en/learning/lessons/{quiz.pk}/quiz/quiz/", {"attempt": "1", "q0": "1", "q1": ["0", "1"]})
    assert Reflection.objects.get().enrolment == real
    assert QuizAttempt.objects.get().enrolment == real
    assert set(LessonProgress.objects.values_list("enrolment", flat=True)) == {real.pk}

    # 6. The real trainer still reads the reflection; the intruder's cohort has no such trainee.
    client.force_login(real_trainer)
    assert "One two three four" in client.get(url("trainee", real_cohort.pk, real.pk)).content.decode()
    client.force_login(intruder)
    assert client.get(url("trainee", intruder_cohort.pk, real.pk)).status_code == 404


def test_the_database_holds_one_current_place_per_course_across_translations(course):
    """Even a write that skips the services cannot give a person two current places in one course."""
    trainer = make_trainer()
    first, second = cohort_of(trainer, course=course), cohort_of(trainer, course=course)
    trainee = UserFactory()
    EnrolmentFactory(cohort=first, user=trainee, status=Status.ACTIVE)

    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(cohort=second, user=trainee, status=Status.WAITLISTED)

    # A place given up frees the course for another cohort.
    Enrolment.objects.filter(user=trainee).update(status=Status.WITHDRAWN)
    assert Enrolment.objects.create(cohort=second, user=trainee, status=Status.ACTIVE)


@pytest.mark.parametrize(
    ("held", "refusal"),
    [
        (Status.PENDING, exceptions.AlreadyInCourse),
        (Status.WAITLISTED, exceptions.AlreadyInCourse),
        (Status.ACTIVE, exceptions.AlreadyInCourse),
        (Status.COMPLETED, exceptions.AlreadyCompleted),
    ],
)
def test_enrolling_in_a_second_cohort_of_a_course_is_refused(course, held, refusal):
    trainer = make_trainer()
    first, second = cohort_of(trainer, course=course), cohort_of(trainer, course=course)
    trainee = UserFactory()
    EnrolmentFactory(cohort=first, user=trainee, status=held)

    for by_trainer in (False, True):
        with pytest.raises(refusal):
            services.enrolment_create(user=trainee, cohort=second, by_trainer=by_trainer)
    assert not Enrolment.objects.filter(cohort=second).exists()
