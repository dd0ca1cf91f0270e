"""What waits for a trainer across their cohorts: reflections to review, requests to answer, past live
sessions without attendance. Read for *My cohorts* (a count per cohort) and for the page that lists
them all. Every list is one query, however many cohorts; only cohorts from `cohorts_for` are read, so
another trainer's items never appear.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import Attendance, Enrolment, LiveSession, Reflection
from .permissions import cohorts_for

LISTED = 100  # per kind; the page says how many more there are


def _to_review():
    return Reflection.objects.filter(
        status=Reflection.Status.SUBMITTED, enrolment__status__in=Enrolment.LEARNING
    )


def _unrecorded_sessions():
    return LiveSession.objects.filter(ends_at__lt=timezone.now()).exclude(
        Exists(Attendance.objects.filter(session=OuterRef("pk")))
    )


def per_cohort(queryset, cohort_path: str) -> Coalesce:
    """How many rows of `queryset` belong to each cohort, as a subquery: one row per cohort in the outer
    query, however many enrolments a cohort has (a Count over a join would repeat every other subquery
    once per enrolment)."""
    counted = (
        queryset.filter(**{cohort_path: OuterRef("pk")})
        .order_by()
        .values(cohort_path)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_waiting_counts(cohorts):
    """`cohorts` annotated with `to_review` and `unrecorded` (subqueries: still one query). Pending
    requests are counted by `my_cohorts` already."""
    return cohorts.annotate(
        to_review=per_cohort(_to_review(), "enrolment__cohort"),
        unrecorded=per_cohort(_unrecorded_sessions(), "cohort"),
    )


@dataclass
class Waiting:
    reflections: list[Reflection]
    reflections_total: int
    requests: list[Enrolment]
    requests_total: int
    sessions: list[LiveSession]
    sessions_total: int

    @property
    def total(self) -> int:
        return self.reflections_total + self.requests_total + self.sessions_total


def _listed(queryset) -> tuple[list, int]:
    """The first LISTED items and the total: one query, or two when there are more than LISTED."""
    items = list(queryset[: LISTED + 1])
    if len(items) <= LISTED:
        return items, len(items)
    return items[:LISTED], queryset.count()


def waiting_for(*, user) -> Waiting:
    cohorts = cohorts_for(user).values("pk")
    reflections, reflections_total = _listed(
        _to_review()
        .filter(enrolment__cohort__in=cohorts)
        .select_related("enrolment__user", "enrolment__cohort", "lesson")
        .order_by("submitted_at", "pk")  # the longest waiting first
    )
    requests, requests_total = _listed(
        Enrolment.objects.filter(cohort__in=cohorts, status=Enrolment.Status.PENDING)
        .select_related("user", "cohort")
        .order_by("created_at", "pk")
    )
    sessions, sessions_total = _listed(
        _unrecorded_sessions().filter(cohort__in=cohorts).select_related("cohort").order_by("starts_at", "pk")
    )
    return Waiting(reflections, reflections_total, requests, requests_total, sessions, sessions_total)
