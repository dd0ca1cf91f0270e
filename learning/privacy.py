"""The learning app's share of a person's data: enrolments, progress, answers, reflections, attendance.
Certificates and the trainer's workspace declare theirs in their own privacy.py."""

from django.utils.translation import gettext_lazy as _

from .models import (
    Attendance,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    Reflection,
)

EXPORT_DESCRIPTION = _(
    "Your learning: the cohorts you joined, the lessons you completed, your quiz answers, your "
    "reflections and the trainers' feedback, your attendance at live sessions."
)

# Every model of this app that points at a person, and what happens to it (tests/accounts/test_privacy_
# registry.py fails when a model linked to the user model is missing here).
PERSONAL_DATA = {
    "learning.Enrolment": "exported; deleted with the account, with its progress, quiz attempts, "
    "reflections and attendance",
    "learning.Reflection": "the reviewing trainer is unset when the trainer's account goes",
    "learning.Cohort": "a trainer leaves the cohorts they ran",
    "learning.CoursePage": "a trainer leaves the courses they are named on",
    "learning.CourseIndexPage": "page authorship only, unset",
    "learning.ModulePage": "page authorship only, unset",
    "learning.LessonPage": "page authorship only, unset",
}


def export_user_data(user) -> dict:
    enrolments = Enrolment.objects.filter(user=user).select_related("cohort__course")
    return {
        "enrolments": [
            {
                "course": enrolment.cohort.course.title,
                "cohort": enrolment.cohort.localized_title,
                "status": enrolment.status,
                "requested": enrolment.created_at.isoformat(),
                "completed": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
                "lessons_completed": [
                    {"lesson": p.lesson.title, "completed": p.completed_at.isoformat()}
                    for p in LessonProgress.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "quiz_attempts": [
                    {
                        "lesson": a.lesson.title,
                        "attempt": a.number,
                        "answers": a.answers,
                        "score": a.score,
                        "passed": a.passed,
                        "submitted": a.submitted_at.isoformat(),
                    }
                    for a in QuizAttempt.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "reflections": [
                    {
                        "lesson": r.lesson.title,
                        "text": r.text,
                        "status": r.status,
                        "feedback": r.feedback,
                        "submitted": r.submitted_at.isoformat(),
                    }
                    for r in Reflection.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "attendance": [
                    {
                        "session": a.session.title,
                        "starts": a.session.starts_at.isoformat(),
                        "present": a.present,
                    }
                    for a in Attendance.objects.filter(enrolment=enrolment).select_related("session")
                ],
            }
            for enrolment in enrolments
        ],
    }


def erase_user_data(user) -> None:
    """Progress, answers, reflections and attendance are deleted with the enrolments (CASCADE from the
    user); a trainer's cohorts and courses lose the trainer with the account (many-to-many rows)."""
