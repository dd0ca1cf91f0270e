"""The course's completion rules, read from its pages and the trainee's records."""

from django.utils import timezone

from .models import (
    Attendance,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    Reflection,
)


class UnknownActivity(LookupError):
    """The lesson has no quiz or reflection with that id (a stale or tampered form)."""


def _block(lesson: LessonPage, block_type: str, block_id: str):
    for block in lesson.body:
        if block.block_type == block_type and block.id == block_id:
            return block.value
    raise UnknownActivity(block_id)


def quiz_block(lesson: LessonPage, quiz_id: str):
    return _block(lesson, "quiz", quiz_id)


def reflection_block(lesson: LessonPage, prompt_id: str):
    return _block(lesson, "reflection", prompt_id)


def activity_ids(lesson: LessonPage) -> tuple[set[str], set[str]]:
    """The ids of the lesson's quizzes and reflection prompts."""
    quizzes = {block.id for block in lesson.body if block.block_type == "quiz"}
    prompts = {block.id for block in lesson.body if block.block_type == "reflection"}
    return quizzes, prompts


def activities_done(*, enrolment: Enrolment, lesson: LessonPage) -> bool:
    """Every quiz of the lesson passed and every reflection prompt answered."""
    quizzes, prompts = activity_ids(lesson)
    if quizzes:
        passed = set(
            QuizAttempt.objects.filter(
                enrolment=enrolment, lesson_key=lesson.translation_key, passed=True
            ).values_list("quiz_id", flat=True)
        )
        if not quizzes <= passed:
            return False
    if prompts:
        answered = set(
            Reflection.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).values_list(
                "prompt_id", flat=True
            )
        )
        if not prompts <= answered:
            return False
    return True


def required_lesson_keys(course) -> set:
    return set(
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(required=True)
        .values_list("translation_key", flat=True)
    )


def attendance_share(enrolment: Enrolment) -> int | None:
    """Percentage of the cohort's live sessions held so far that the trainee attended, or None when
    none has been held yet (sessions still to come cannot count against anyone)."""
    held = LiveSession.objects.filter(cohort_id=enrolment.cohort_id, starts_at__lte=timezone.now())
    total = held.count()
    if not total:
        return None
    present = Attendance.objects.filter(enrolment=enrolment, present=True, session__in=held).count()
    return round(100 * present / total)


def completion_met(*, enrolment: Enrolment) -> bool:
    course = enrolment.cohort.course
    done = set(LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_key", flat=True))
    if not required_lesson_keys(course) <= done:
        return False
    if course.min_attendance:
        share = attendance_share(enrolment)
        if share is not None and share < course.min_attendance:
            return False
    return not (course.requires_signoff and enrolment.signed_off_at is None)


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Prerequisite courses `user` has not completed, in any language version of them."""
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(
        Enrolment.objects.filter(user=user, status=Enrolment.Status.COMPLETED).values_list(
            "cohort__course__translation_key", flat=True
        )
    )
    return missing_among(required, done)


def missing_among(required, completed_course_keys: set) -> list:
    """The courses of `required` whose translation key is not among the courses completed."""
    return [course for course in required if course.translation_key not in completed_course_keys]
