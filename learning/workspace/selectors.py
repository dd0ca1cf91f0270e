"""Reads for the workspace's lists. Each page costs a fixed number of queries, however many trainees,
lessons or sessions the cohort has: counts come as subqueries of one query, never one query per row."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import rules
from ..certificates.models import Certificate
from ..models import (
    Attendance,
    Enrolment,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    Reflection,
)
from ..selectors import course_outline
from .models import CohortMessage
from .permissions import cohorts_for
from .waiting import per_cohort, with_waiting_counts

Status = Enrolment.Status
ROSTER_PAGE_SIZE = 25
MATRIX_PAGE_SIZE = 25
INACTIVE_DAYS = 14


def _count(queryset) -> Subquery:
    """COUNT(*) of a correlated queryset, as an annotation (0 rather than NULL when there is none)."""
    counted = queryset.order_by().values("enrolment_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# My cohorts -------------------------------------------------------------------------------------


def my_cohorts(*, user):
    """The user's cohorts with their seats, requests and completion, in one query (counted by subqueries,
    so a cohort of 2,000 trainees costs what a cohort of 20 does)."""

    def enrolments(*statuses):
        return per_cohort(Enrolment.objects.filter(status__in=statuses), "cohort")

    return with_waiting_counts(
        cohorts_for(user)
        .select_related("course")
        .annotate(
            seats_taken=enrolments(*Enrolment.LEARNING),
            pending=enrolments(Status.PENDING),
            waitlisted=enrolments(Status.WAITLISTED),
            completed=enrolments(Status.COMPLETED),
        )
        .order_by("-starts_on", "pk")
    )


def completion_rate(cohort) -> int | None:
    if not cohort.seats_taken:
        return None
    return round(100 * cohort.completed / cohort.seats_taken)


def cohort_counts(cohort) -> dict[str, int]:
    """How many enrolments the cohort has in each status (one query)."""
    counts = dict(
        Enrolment.objects.filter(cohort=cohort).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return {status: counts.get(status, 0) for status in Status.values}


# The roster -------------------------------------------------------------------------------------


def inactive_since(days: int):
    return timezone.now() - timedelta(days=days)


def _inactive(days: int) -> Q:
    cutoff = inactive_since(days)
    return Q(last_activity_at__lt=cutoff) | Q(last_activity_at__isnull=True, created_at__lt=cutoff)


def _started() -> Exists:
    return Exists(LessonProgress.objects.filter(enrolment=OuterRef("pk")))


def filtered_enrolments(cohort, *, status="", inactive_days=None, state=""):
    """The cohort's enrolments narrowed by the roster's filters (shared by the roster and the messages)."""
    enrolments = Enrolment.objects.filter(cohort=cohort)
    if status:
        enrolments = enrolments.filter(status=status)
    if inactive_days:
        enrolments = enrolments.filter(_inactive(inactive_days))
    if state == "not_started":
        enrolments = enrolments.filter(status__in=Enrolment.LEARNING).exclude(_started())
    elif state == "completed":
        enrolments = enrolments.filter(status=Status.COMPLETED)
    return enrolments


ROSTER_ORDER = {
    "name": ("user__display_name", "pk"),
    "-name": ("-user__display_name", "-pk"),
    "progress": ("lessons_done", "pk"),
    "-progress": ("-lessons_done", "pk"),
    "activity": ("last_activity_at", "pk"),
    "-activity": ("-last_activity_at", "pk"),
    "status": ("status", "user__display_name", "pk"),
    "requested": ("created_at", "pk"),
}


def with_progress(enrolments):
    """Lessons done, quizzes passed, quiz attempts, sessions attended and the valid certificate's code, as
    subqueries of the same query."""
    row = OuterRef("pk")
    valid_certificate = Certificate.objects.filter(enrolment=row, status=Certificate.Status.VALID)
    return enrolments.annotate(
        certificate_code=Subquery(valid_certificate.values("code")[:1]),
        lessons_done=_count(LessonProgress.objects.filter(enrolment=row)),
        quizzes_passed=_count(QuizAttempt.objects.filter(enrolment=row, passed=True)),
        quiz_attempt_count=_count(QuizAttempt.objects.filter(enrolment=row)),
        sessions_attended=_count(Attendance.objects.filter(enrolment=row, present=True)),
    )


@dataclass
class RosterRow:
    enrolment: Enrolment
    percent: int


def lesson_entries(cohort, request=None):
    return [entry for entry in course_outline(cohort.course, request) if entry.kind == "lesson"]


def roster_page(*, cohort, filters: dict, page_number, request=None):
    """One page of the roster: each trainee with status, progress, last activity, quizzes, attendance."""
    lessons = len(lesson_entries(cohort, request))
    enrolments = filtered_enrolments(
        cohort,
        status=filters.get("status", ""),
        inactive_days=filters.get("inactive_days"),
        state=filters.get("state", ""),
    )
    order = ROSTER_ORDER.get(filters.get("sort") or "requested", ROSTER_ORDER["requested"])
    enrolments = with_progress(enrolments.select_related("user")).order_by(*order)
    page = Paginator(enrolments, ROSTER_PAGE_SIZE).get_page(page_number)
    page.object_list = [
        RosterRow(enrolment, _percent(enrolment.lessons_done, lessons)) for enrolment in page.object_list
    ]
    return page


def _percent(done: int, total: int) -> int:
    return min(100, round(100 * done / total)) if total else 0


def cohort_sessions(cohort):
    return list(
        LiveSession.objects.filter(cohort=cohort).annotate(
            present=Count("attendance", filter=Q(attendance__present=True))
        )
    )


def cohort_messages(cohort, limit=10):
    return list(CohortMessage.objects.filter(cohort=cohort).select_related("sender")[:limit])


# The progress matrix ----------------------------------------------------------------------------

DONE, STARTED, NOT_STARTED = "done", "started", "not_started"


@dataclass
class MatrixRow:
    enrolment: Enrolment
    cells: list[str]
    done: int
    percent: int


def matrix_page(*, cohort, page_number, request=None) -> dict:
    """Trainees (one page) by lessons: done, started (a quiz tried or a reflection sent) or not started.

    Six queries whatever the size: the outline, the page count, the page of trainees, their progress,
    their quiz attempts and reflections (one UNION, as flat value lists) and the totals per lesson.
    """
    lessons = lesson_entries(cohort, request)
    enrolments = (
        Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
    page = Paginator(enrolments, MATRIX_PAGE_SIZE).get_page(page_number)
    listed = list(page.object_list)
    ids = [enrolment.pk for enrolment in listed]
    done: set[tuple[int, str]] = set()
    started: set[tuple[int, str]] = set()
    if ids:
        done = {
            (enrolment_id, str(key))
            for enrolment_id, key in LessonProgress.objects.filter(enrolment_id__in=ids).values_list(
                "enrolment_id", "lesson_key"
            )
        }
        # Started = a quiz tried or a reflection sent: one UNION query for both kinds of record.
        tried = (
            QuizAttempt.objects.filter(enrolment_id__in=ids)
            .order_by()
            .values_list("enrolment_id", "lesson_key")
            .union(
                Reflection.objects.filter(enrolment_id__in=ids)
                .order_by()
                .values_list("enrolment_id", "lesson_key")
            )
            .order_by()
        )
        started = {(enrolment_id, str(key)) for enrolment_id, key in tried}
    rows = []
    for enrolment in listed:
        cells = []
        for lesson in lessons:
            key = (enrolment.pk, lesson.key)
            cells.append(DONE if key in done else STARTED if key in started else NOT_STARTED)
        count = cells.count(DONE)
        rows.append(MatrixRow(enrolment, cells, count, _percent(count, len(lessons))))
    page.object_list = rows
    per_lesson = dict(
        LessonProgress.objects.filter(enrolment__cohort=cohort, enrolment__status__in=Enrolment.LEARNING)
        .values_list("lesson_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    totals = [per_lesson.get(_uuid(lesson.key), 0) for lesson in lessons]
    return {"lessons": lessons, "page": page, "totals": totals, "learning_count": page.paginator.count}


def _uuid(key: str) -> uuid.UUID:
    return uuid.UUID(key)


# One trainee ------------------------------------------------------------------------------------


def _quiz_of(lesson, quiz_id: str) -> dict | None:
    """The quiz as the trainee answered it (the lesson's current version), or None if it is gone."""
    try:
        return rules.quiz_block(lesson, quiz_id)
    except rules.UnknownActivity:
        return None


def _chosen_answers(attempt, quiz: dict | None) -> list[tuple[int, str, list[str]]]:
    """(question number, question, chosen answers) in words; numbers counted from 1, as the trainee saw
    them, where an edited quiz no longer has that question or answer."""
    questions = quiz["questions"] if quiz else []
    chosen = []
    for number, indexes in sorted(attempt.answers.items(), key=lambda item: int(item[0])):
        number, indexes = int(number), [int(index) for index in indexes]
        question = questions[number] if number < len(questions) else None
        answers = question["answers"] if question else []
        chosen.append(
            (
                number + 1,
                question["text"] if question else "",
                [answers[index]["text"] if index < len(answers) else str(index + 1) for index in indexes],
            )
        )
    return chosen


def trainee_detail(*, cohort, enrolment, request=None) -> dict:
    lessons = lesson_entries(cohort, request)
    done = {
        str(key): completed
        for key, completed in LessonProgress.objects.filter(enrolment=enrolment).values_list(
            "lesson_key", "completed_at"
        )
    }
    attempts: dict[str, list[QuizAttempt]] = {}
    quizzes: dict[tuple[int, str], dict | None] = {}
    for attempt in QuizAttempt.objects.filter(enrolment=enrolment).select_related("lesson"):
        key = (attempt.lesson_id, attempt.quiz_id)
        if key not in quizzes:
            quizzes[key] = _quiz_of(attempt.lesson, attempt.quiz_id)
        attempt.chosen = _chosen_answers(attempt, quizzes[key])
        attempts.setdefault(str(attempt.lesson_key), []).append(attempt)
    reflections: dict[str, list[Reflection]] = {}
    for reflection in Reflection.objects.filter(enrolment=enrolment).select_related("reviewed_by"):
        reflections.setdefault(str(reflection.lesson_key), []).append(reflection)
    sessions = list(LiveSession.objects.filter(cohort=cohort))
    attendance = dict(Attendance.objects.filter(enrolment=enrolment).values_list("session_id", "present"))
    certificates = list(Certificate.objects.filter(enrolment=enrolment).order_by("-issued_at", "-pk"))
    return {
        "certificates": certificates,
        "lessons": [
            {
                "entry": lesson,
                "completed_at": done.get(lesson.key),
                "attempts": attempts.get(lesson.key, []),
                "reflections": reflections.get(lesson.key, []),
            }
            for lesson in lessons
        ],
        "percent": _percent(sum(entry.key in done for entry in lessons), len(lessons)),
        "sessions": [(session, attendance.get(session.pk)) for session in sessions],
    }


# Audiences of messages --------------------------------------------------------------------------


def audience_enrolments(cohort, audience: str):
    """The enrolments a message to `audience` goes to (never withdrawn or rejected people)."""
    Audience = CohortMessage.Audience
    if audience == Audience.WAITING:
        return Enrolment.objects.filter(cohort=cohort, status__in=[Status.PENDING, Status.WAITLISTED])
    if audience == Audience.INACTIVE:
        return filtered_enrolments(cohort, inactive_days=INACTIVE_DAYS).filter(status=Status.ACTIVE)
    if audience == Audience.NOT_STARTED:
        return filtered_enrolments(cohort, state="not_started")
    return Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING)
