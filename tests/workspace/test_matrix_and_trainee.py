"""The progress matrix (trainees by lessons, readable without colour) and one trainee's detail with the
reflection review."""

import pytest
from django.utils import timezone

from learning import services
from learning.models import QuizAttempt, Reflection
from tests.factories import lessons_of

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


def test_matrix_cells_say_done_started_or_not_started(client, trainer, cohort):
    lessons = lessons_of(cohort.course)
    amina = enrol(cohort, Status.ACTIVE, display_name="Amina")
    services.lesson_complete(enrolment=amina, lesson=lessons[0])
    QuizAttempt.objects.create(
        enrolment=amina,
        lesson=lessons[1],
        lesson_key=lessons[1].translation_key,
        quiz_id="q",
        number=1,
        score=20,
        passed=False,
    )
    enrol(cohort, Status.ACTIVE, display_name="Bilal")
    enrol(cohort, Status.PENDING, display_name="Pending Person")
    client.force_login(trainer)

    html = client.get(url("matrix", cohort.pk)).content.decode()

    assert html.count("<h1") == 1
    amina_row = html.split("Amina</a></th>")[1].split("</tr>")[0]
    hidden = [part.split("</span>")[0] for part in amina_row.split('<span class="visually-hidden">')[1:]]
    assert hidden == ["done", "started", "not started"]
    assert "1/3 (33 %)" in amina_row
    assert "Pending Person" not in html  # the matrix lists people learning
    footer = html.split("<tfoot>")[1].split("</tfoot>")[0]
    assert [cell.split("</td>")[0] for cell in footer.split("<td>")[1:4]] == ["1", "0", "0"]


def test_trainee_detail_shows_lessons_quizzes_reflections_and_attendance(client, trainer, cohort):
    lesson = lessons_of(cohort.course)[0]
    enrolment = enrol(cohort, Status.ACTIVE, display_name="Amina")
    QuizAttempt.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        quiz_id="q",
        number=1,
        answers={"0": [1]},
        score=80,
        passed=True,
    )
    Reflection.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="p",
        text="I will meet the mayor <b>soon</b>.",
        submitted_at=timezone.now(),
    )
    client.force_login(trainer)

    html = client.get(url("trainee", cohort.pk, enrolment.pk)).content.decode()

    assert "80&nbsp;%" in html and "passed" in html
    assert "1. <strong>2</strong>" in html  # a quiz no longer in the lesson: numbered as the trainee saw it
    assert "I will meet the mayor &lt;b&gt;soon&lt;/b&gt;." in html
    assert "Waiting for feedback" in html


def test_trainer_accepts_or_asks_to_revise_a_reflection(client, trainer, cohort):
    lesson = lessons_of(cohort.course)[0]
    enrolment = enrol(cohort, Status.ACTIVE)
    reflection = Reflection.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="p",
        text="Draft",
        submitted_at=timezone.now(),
    )
    client.force_login(trainer)
    review = url("reflection_review", cohort.pk, reflection.pk)

    response = client.post(review, {"decision": "revise", "feedback": ""})
    assert response.status_code == 422
    reflection.refresh_from_db()
    assert reflection.status == Reflection.Status.SUBMITTED

    client.post(review, {"decision": "revise", "feedback": "Name a date, please."})
    reflection.refresh_from_db()
    assert reflection.status == Reflection.Status.REVISION and reflection.reviewed_by == trainer

    client.post(review, {"decision": "accept", "feedback": "Great."})
    reflection.refresh_from_db()
    assert reflection.status == Reflection.Status.ACCEPTED and reflection.feedback == "Great."


def test_trainee_detail_shows_the_chosen_answers_in_words(client, trainer):
    from tests.factories import CohortFactory, make_course, quiz_block

    course = make_course(bodies=[[quiz_block(block_id="quiz")]])
    cohort = CohortFactory(course=course)
    cohort.trainers.add(trainer)
    enrolment = enrol(cohort, Status.ACTIVE)
    client.force_login(enrolment.user)
    lesson = lessons_of(course)[0]
    client.post(f"/en/learning/lessons/{lesson.pk}/quiz/quiz/", {"attempt": "1", "q0": "1", "q1": ["0", "2"]})
    client.force_login(trainer)

    html = client.get(url("trainee", cohort.pk, enrolment.pk)).content.decode()

    assert (
        "Who can register to vote in municipal elections in Belgium? — <strong>Residents after five years"
        in html
    )
    assert "<strong>Translated forms; Fees</strong>" in html
