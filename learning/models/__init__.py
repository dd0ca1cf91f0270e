"""Content (Wagtail pages) and people's data (cohorts, enrolments, progress) of the learning app.

Certificates and the trainer's workspace keep their models in their own apps (learning.certificates,
learning.workspace)."""

from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage, Topic
from .people import (
    Attendance,
    Cohort,
    Enrolment,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    Reflection,
)

__all__ = [
    "Attendance",
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "LiveSession",
    "ModulePage",
    "QuizAttempt",
    "Reflection",
    "Topic",
]
