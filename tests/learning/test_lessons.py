"""Following lessons: who may read them, quizzes graded on the server, reflections, completion."""

from datetime import timedelta

import pytest
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning import services
from learning.models import Enrolment, LessonProgress, QuizAttempt, Reflection
from learning.signals import course_completed
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionFactory,
    UserFactory,
    lessons_of,
    make_course,
    quiz_block,
    reflection_block,
    text_block,
)

pytestmark = pytest.mark.django_db
Status = Enrolment.Status

RIGHT = {"q0": "1", "q1": ["0", "1"]}
WRONG = {"q0": "0", "q1": "2"}


@pytest.fixture
def course():
    return make_course(
        bodies=[[text_block()], [quiz_block(block_id="quiz")], [reflection_block(block_id="ref")]]
    )


@pytest.fixture
def enrolment(client, course):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    return enrolment


def quiz_url(lesson, block="quiz"):
    return f"/en/learning/lessons/{lesson.pk}/quiz/{block}/"


def submit_quiz(client, lesson, answers, attempt):
    return client.post(quiz_url(lesson), {"attempt": str(attempt), **answers})


# Who may read a lesson ----------------------------------------------------------------------------


def test_anonymous_visitor_is_asked_to_log_in(client, course):
    response = client.get(lessons_of(course)[0].url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_logged_in_but_not_enrolled_is_refused_with_a_way_to_enrol(client, course):
    client.force_login(UserFactory())

    response = client.get(lessons_of(course)[0].url)

    assert response.status_code == 403
    assert "open to the trainees enrolled" in response.content.decode()
    assert course.url in response.content.decode()


@pytest.mark.parametrize("status", [Status.PENDING, Status.WAITLISTED, Status.WITHDRAWN, Status.REJECTED])
def test_enrolment_without_a_seat_does_not_open_lessons(client, course, status):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), status=status)
    client.force_login(enrolment.user)

    assert client.get(lessons_of(course)[0].url).status_code == 403


def test_enrolment_in_another_course_does_not_open_this_one(client, course):
    enrolment = EnrolmentFactory()  # a cohort of another course
    client.force_login(enrolment.user)

    assert client.get(lessons_of(course)[0].url).status_code == 403
    response = client.post(f"/en/learning/lessons/{lessons_of(course)[0].pk}/complete/")
    assert response.status_code == 403
    assert not LessonProgress.objects.exists()


def test_enrolled_trainee_reads_every_lesson(client, enrolment, course):
    for lesson in lessons_of(course):
        assert client.get(lesson.url).status_code == 200


def test_editor_and_cohort_trainer_read_lessons_without_enrolling(client, course, django_user_model):
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    assert client.get(lessons_of(course)[0].url).status_code == 200

    trainer = UserFactory()
    CohortFactory(course=course).trainers.add(trainer)
    client.force_login(trainer)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    assert "your progress is not recorded" in response.content.decode()


def test_course_page_stays_public(client, course):
    assert client.get(course.url).status_code == 200


# Quizzes -------------------------------------------------------------------------------------------


def test_quiz_page_never_shows_which_answers_are_right(client, enrolment, course):
    html = client.get(lessons_of(course)[1].url).content.decode()

    assert "Residents after five years" in html  # the answers are there...
    assert "Right." not in html and "Fees keep people away" not in html  # ...their feedback is not
    assert "correct" not in html.lower().replace("choose every correct answer", "")


def test_right_answers_pass_and_complete_the_lesson(client, enrolment, course):
    lesson = lessons_of(course)[1]

    response = submit_quiz(client, lesson, RIGHT, attempt=1)

    assert response.status_code == 302
    page = client.get(lesson.url).content.decode()
    assert "Passed with 100%" in page
    assert "Right." in page  # feedback after submission
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).exists()


def test_wrong_answers_show_feedback_and_leave_an_attempt(client, enrolment, course):
    lesson = lessons_of(course)[1]

    submit_quiz(client, lesson, WRONG, attempt=1)

    page = client.get(lesson.url).content.decode()
    assert "Your score: 0%" in page
    assert "Fees keep people away." in page
    assert "2 attempts left" in page
    assert not LessonProgress.objects.exists()


def test_attempt_limit_is_enforced(client, enrolment, course):
    lesson = lessons_of(course)[1]
    for number in (1, 2, 3):
        submit_quiz(client, lesson, WRONG, attempt=number)

    response = submit_quiz(client, lesson, RIGHT, attempt=4)

    assert response.status_code == 409
    assert "every attempt" in response.content.decode()
    assert QuizAttempt.objects.count() == 3
    assert not LessonProgress.objects.exists()


def test_replayed_submission_is_refused_and_uses_no_attempt(client, enrolment, course):
    lesson = lessons_of(course)[1]
    submit_quiz(client, lesson, WRONG, attempt=1)

    replay = submit_quiz(client, lesson, RIGHT, attempt=1)

    assert replay.status_code == 409
    assert "already submitted" in replay.content.decode()
    assert list(QuizAttempt.objects.values_list("number", "passed")) == [(1, False)]


@pytest.mark.parametrize(
    "answers",
    [
        {"q0": "7", "q1": "0"},  # no such answer
        {"q0": "-1"},
        {"q0": "x"},
        {"q0": ["0", "1"]},  # two answers to a single-choice question
        {"q0": "1", "q9": "0"},  # no such question
    ],
)
def test_tampered_answers_are_refused_and_change_nothing(client, enrolment, course, answers):
    lesson = lessons_of(course)[1]

    response = submit_quiz(client, lesson, answers, attempt=1)

    assert response.status_code == 400
    assert "did not match this quiz" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_attempt_number_must_be_the_next_one(client, enrolment, course):
    lesson = lessons_of(course)[1]

    assert client.post(quiz_url(lesson), RIGHT).status_code == 400
    assert submit_quiz(client, lesson, RIGHT, attempt=5).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_unknown_quiz_is_404(client, enrolment, course):
    lesson = lessons_of(course)[1]

    assert client.post(quiz_url(lesson, "nope"), {"attempt": "1", **RIGHT}).status_code == 404


def test_quiz_of_another_courses_lesson_is_refused(client, enrolment):
    other = make_course(title="Other", bodies=[[quiz_block(block_id="quiz")]])

    response = submit_quiz(client, lessons_of(other)[0], RIGHT, attempt=1)

    assert response.status_code == 403
    assert not QuizAttempt.objects.exists()


def test_htmx_submission_gets_the_page_to_swap_the_quiz_from(client, enrolment, course):
    lesson = lessons_of(course)[1]

    response = client.post(
        quiz_url(lesson), {"attempt": "1", **RIGHT}, headers={"HX-Request": "true"}, follow=True
    )

    assert response.status_code == 200
    assert 'id="block-quiz"' in response.content.decode()


# Reflections ---------------------------------------------------------------------------------------


def test_short_reflection_is_sent_back_with_what_was_typed(client, enrolment, course):
    lesson = lessons_of(course)[2]

    response = client.post(f"/en/learning/lessons/{lesson.pk}/reflection/ref/", {"text": "Too short"})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Write at least 3 words (you wrote 2)" in html
    assert "Too short</textarea>" in html
    assert not Reflection.objects.exists()


def test_reflection_completes_the_lesson_and_can_be_revised_until_accepted(client, enrolment, course):
    lesson = lessons_of(course)[2]
    url = f"/en/learning/lessons/{lesson.pk}/reflection/ref/"

    client.post(url, {"text": "Translated forms at every town hall"})
    client.post(url, {"text": "Translated forms and outreach at every town hall"})

    reflection = Reflection.objects.get()
    assert reflection.text == "Translated forms and outreach at every town hall"
    assert LessonProgress.objects.filter(lesson_key=lesson.translation_key).exists()

    services.reflection_review(
        reflection=reflection, reviewer=UserFactory(), accepted=True, feedback="Great <b>"
    )
    response = client.post(url, {"text": "Changed after acceptance"})
    assert response.status_code == 409
    assert Reflection.objects.get().text == "Translated forms and outreach at every town hall"
    assert "Great &lt;b&gt;" in client.get(lesson.url).content.decode()


def test_reflection_text_is_shown_escaped(client, enrolment, course):
    lesson = lessons_of(course)[2]
    client.post(
        f"/en/learning/lessons/{lesson.pk}/reflection/ref/", {"text": "<script>alert(1)</script> three words"}
    )

    html = client.get(lesson.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Completion -----------------------------------------------------------------------------------------


def test_lesson_with_a_quiz_cannot_be_marked_complete_by_hand(client, enrolment, course):
    response = client.post(f"/en/learning/lessons/{lessons_of(course)[1].pk}/complete/")

    assert response.status_code == 409
    assert not LessonProgress.objects.exists()


def test_completing_twice_is_a_no_op(client, enrolment, course):
    lesson = lessons_of(course)[0]

    client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    client.post(f"/en/learning/lessons/{lesson.pk}/complete/")

    assert LessonProgress.objects.count() == 1


def complete_everything(client, course):
    text, quiz, reflection = lessons_of(course)
    client.post(f"/en/learning/lessons/{text.pk}/complete/")
    submit_quiz(client, quiz, RIGHT, attempt=1)
    client.post(f"/en/learning/lessons/{reflection.pk}/reflection/ref/", {"text": "one two three"})


def test_course_completes_once_when_every_required_lesson_is_done(
    client, enrolment, course, django_capture_on_commit_callbacks
):
    received = []

    def receiver(enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            complete_everything(client, course)
            again = services.enrolment_evaluate(enrolment=Enrolment.objects.get(pk=enrolment.pk))
    finally:
        course_completed.disconnect(receiver)

    enrolment.refresh_from_db()
    assert enrolment.status == Status.COMPLETED and enrolment.completed_at
    assert again is False
    assert received == [enrolment.pk]
    page = client.get("/en/learning/").content.decode()
    assert "Finished courses" in page and course.title in page


def test_optional_lessons_are_not_needed(client, course):
    optional = lessons_of(course)[2]
    optional.required = False
    optional.save_revision().publish()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)

    client.post(f"/en/learning/lessons/{lessons_of(course)[0].pk}/complete/")
    submit_quiz(client, lessons_of(course)[1], RIGHT, attempt=1)

    enrolment.refresh_from_db()
    assert enrolment.status == Status.COMPLETED


def test_minimum_attendance_holds_completion_until_met(client, course):
    course.min_attendance = 50
    course.save_revision().publish()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    held = timezone.now() - timedelta(days=2)
    first, second = (LiveSessionFactory(cohort=enrolment.cohort, starts_at=held) for _ in range(2))
    client.force_login(enrolment.user)

    complete_everything(client, course)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.ACTIVE

    services.attendance_record(session=first, enrolment=enrolment, present=False)
    services.attendance_record(session=second, enrolment=enrolment, present=True)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.COMPLETED


def test_trainer_sign_off_is_required_when_the_course_says_so(client, course):
    course.requires_signoff = True
    course.save_revision().publish()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)

    complete_everything(client, course)
    enrolment.refresh_from_db()
    assert enrolment.status == Status.ACTIVE

    services.enrolment_sign_off(enrolment=enrolment, trainer=UserFactory())
    enrolment.refresh_from_db()
    assert enrolment.status == Status.COMPLETED


def test_progress_survives_switching_language(client, enrolment, course):
    from wagtail.models import Locale

    lesson = lessons_of(course)[0]
    client.post(f"/en/learning/lessons/{lesson.pk}/complete/")
    french = Locale.objects.get_or_create(language_code="fr")[0]
    french_lesson = lesson.copy_for_translation(french, copy_parents=True)
    french_lesson.save_revision().publish()

    html = client.get(french_lesson.url).content.decode()

    assert client.get(french_lesson.url).status_code == 200
    assert "status-done" in html


def test_lesson_page_makes_no_more_queries_for_a_longer_course(client, django_assert_max_num_queries):
    from django.db import connection

    counts = []
    for size in (5, 50):
        course = make_course(title=f"{size} lessons", lessons=size)
        enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
        client.force_login(enrolment.user)
        lessons = lessons_of(course)
        for lesson in lessons[: size // 2]:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
        for _warm_up in range(2):  # fills the site and outline caches, as in production
            client.get(lessons[size // 2].url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lessons[size // 2].url).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert counts[1] <= 3  # the user; the rest comes from the caches
