"""Content (Wagtail pages) and people's data (cohorts, enrolments, progress, certificates) of the learning
app."""

from .certificates import Certificate, CertificateDesign, PublishedKey
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
    "Certificate",
    "CertificateDesign",
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
    "PublishedKey",
    "QuizAttempt",
    "Reflection",
    "Topic",
]
