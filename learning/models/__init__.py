"""Content (Wagtail pages) and people's data (cohorts, enrolments, progress) of the learning app."""

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
from .workspace import CohortInvitation, CohortMessage

__all__ = [
    "Attendance",
    "Cohort",
    "CohortInvitation",
    "CohortMessage",
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
