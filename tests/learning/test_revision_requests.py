"""A trainer asks for a revision of a reflection: the trainee is told by e-mail in their language and on
*My learning*, and finds the feedback next to the reflection."""

import pytest
from django.utils import timezone

from learning import services
from learning.models import Reflection
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    lessons_of,
    make_course,
    reflection_block,
)
from tests.workspace.conftest import make_trainer, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reflection():
    course = make_course(title="Speaking up", bodies=[[reflection_block(block_id="ref")]])
    cohort = CohortFactory(course=course, title="Ghent, autumn")
    enrolment = EnrolmentFactory(cohort=cohort, user=UserFactory(language="fr"))
    lesson = lessons_of(course)[0]
    return Reflection.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="ref",
        text="I will talk to the council.",
        submitted_at=timezone.now(),
    )


def ask_to_revise(client, reflection, feedback="Name a date, please."):
    trainer = make_trainer()
    reflection.enrolment.cohort.trainers.add(trainer)
    client.force_login(trainer)
    return client.post(
        url("reflection_review", reflection.enrolment.cohort_id, reflection.pk),
        {"decision": "revise", "feedback": feedback},
    )


def test_the_trainee_gets_an_email_in_their_language_with_the_feedback_and_a_link(
    client, reflection, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_revise(client, reflection)

    [mail] = mailoutbox
    assert mail.to == [reflection.enrolment.user.email]
    assert "Lesson 1" in mail.subject
    assert "Name a date, please." in mail.body
    lesson = lessons_of(reflection.enrolment.cohort.course)[0]
    assert f"{lesson.url}#block-ref" in mail.body  # the lesson is not translated: its own language
    assert "/fr/learning/" in mail.body  # the links are in the trainee's language


def test_the_trainer_is_told_the_trainee_will_hear_of_it(client, reflection):
    response = ask_to_revise(client, reflection)

    page = client.get(response["Location"]).content.decode()
    assert "We are e-mailing the trainee to ask them to revise it." in page


def test_accepting_a_reflection_sends_no_email(reflection, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.reflection_review(reflection=reflection, reviewer=None, accepted=True, feedback="Good.")

    assert mailoutbox == []


def test_my_learning_lists_the_reflections_to_revise_with_a_link_to_each(client, reflection):
    services.reflection_review(reflection=reflection, reviewer=None, accepted=False, feedback="More, please.")
    client.force_login(reflection.enrolment.user)

    html = client.get("/en/learning/").content.decode()

    lesson = lessons_of(reflection.enrolment.cohort.course)[0]
    assert "Your trainer asks you to revise a reflection" in html
    assert f'href="{lesson.url}#block-ref"' in html


def test_the_notice_goes_once_the_reflection_is_sent_again(client, reflection):
    services.reflection_review(reflection=reflection, reviewer=None, accepted=False, feedback="More, please.")
    lesson = lessons_of(reflection.enrolment.cohort.course)[0]
    client.force_login(reflection.enrolment.user)

    client.post(f"/en/learning/lessons/{lesson.pk}/reflection/ref/", {"text": "On 3 May I will meet them."})

    assert "revise" not in client.get("/en/learning/").content.decode()


def test_another_persons_reflections_to_revise_are_not_listed(client, reflection):
    services.reflection_review(reflection=reflection, reviewer=None, accepted=False, feedback="More, please.")
    client.force_login(UserFactory())

    assert "revise" not in client.get("/en/learning/").content.decode()


def test_the_notice_costs_the_same_queries_for_one_or_many_reflections(
    client, reflection, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = reflection.enrolment.user
    services.reflection_review(reflection=reflection, reviewer=None, accepted=False, feedback="More.")
    client.force_login(user)

    def count():
        client.get("/en/learning/")
        client.get("/en/learning/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/learning/")
        return len(captured)

    one = count()
    for number in range(4):
        course = make_course(title=f"Course {number}", bodies=[[reflection_block(block_id="ref")]])
        enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), user=user)
        lesson = lessons_of(course)[0]
        other = Reflection.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            lesson_key=lesson.translation_key,
            prompt_id="ref",
            text="Draft",
            submitted_at=timezone.now(),
        )
        services.reflection_review(reflection=other, reviewer=None, accepted=False, feedback="More.")

    assert "revise 5 reflections" in client.get("/en/learning/").content.decode()
    with django_assert_max_num_queries(one):
        client.get("/en/learning/")
