"""Reads for the course page: its cohorts with their seats left, the outline with the reader's
progress, prerequisites and trainers, in a fixed number of queries however many cohorts, lessons or
enrolments there are (tests/core/test_cold_queries.py)."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.compiled_query import CompiledQuery, Param
from core.localize import translations_for
from core.site_cache import SEATS, cached_per_site

from . import rules
from .models import Cohort, CoursePage, Enrolment
from .selectors import (
    course_outline_and_prerequisites,
    enrolment_done_keys,
    next_lesson,
    progress_percent,
    with_done_keys,
)

Status = Enrolment.Status


@dataclass
class CohortOffer:
    cohort: Cohort
    seats_left: int | None
    enrolment: Enrolment | None

    @property
    def action(self) -> str:
        """What the trainee can do here: enrol, request, code, waitlist, full, closed, or their status."""
        if self.enrolment and self.enrolment.status not in (Status.WITHDRAWN,):
            return self.enrolment.status
        mode = self.cohort.enrolment_mode
        if mode == Cohort.Mode.CLOSED:
            return "closed"
        if mode == Cohort.Mode.APPROVAL:
            return "request"
        if self.seats_left == 0:
            return "waitlist" if self.cohort.waitlist else "full"
        return "code" if mode == Cohort.Mode.INVITE else "enrol"


def open_cohorts(course_keys, today=None) -> list[Cohort]:
    """Cohorts not yet finished (on `today`, the reader's), with their taken seats, for courses given by
    translation key."""
    today = today or timezone.localdate()
    if len(course_keys) == 1:  # the course page: its SQL is compiled once (core.compiled_query)
        return _open_cohorts_of_one_course(today=today, course=next(iter(course_keys)))
    # One filter() and one annotate() with expressions built once: each call clones the query, and
    # this one runs on every catalogue page.
    return list(_open_cohorts(today, course__translation_key__in=course_keys))


def _open_cohorts(today, **course):
    return (
        Cohort.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today), **course)
        .annotate(seats_taken=_SEATS_TAKEN, course_key=_COURSE_KEY)
        .order_by("starts_on", "pk")
    )


# A count per cohort in a subquery, answered from the (cohort, status, created_at) index alone: a join
# and GROUP BY sorted every enrolment of the course's cohorts on each request (6.8 ms in PostgreSQL for
# a course with 3,200 trainees, against 1.6 ms), and grouped the cohorts' wide rows with them.
_SEATS_TAKEN = Coalesce(
    Subquery(
        Enrolment.objects.filter(cohort=OuterRef("pk"), status__in=Enrolment.LEARNING)
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    ),
    0,
)
_COURSE_KEY = F("course__translation_key")
_open_cohorts_of_one_course = CompiledQuery(
    Cohort,
    lambda: _open_cohorts(
        Param("today", Cohort._meta.get_field("ends_on")),
        course__translation_key=Param("course", CoursePage._meta.get_field("translation_key")),
    ),
)
# The reader's enrolments in a course without prerequisites (most), with their cohorts and finished
# lessons: compiled once too. With prerequisites the query grows by their number (see course_detail).
_enrolments_in_course = CompiledQuery(
    Enrolment,
    lambda: with_done_keys(
        Enrolment.objects.filter(
            user=Param("user", Enrolment._meta.get_field("user").target_field),
            course_key=Param("course", Enrolment._meta.get_field("course_key")),
        )
    ).select_related("cohort"),
)


def seats_left(cohort: Cohort) -> int | None:
    return None if cohort.capacity is None else max(cohort.capacity - cohort.seats_taken, 0)


def course_cohorts(course: CoursePage, request=None) -> list[Cohort]:
    """The course's open cohorts and their seats taken: the same for every reader, so cached per site
    until a cohort or an enrolment changes (the `seats` tag, retired on commit) or the reader's day ends
    (a cohort that ended yesterday is no longer open, and no write says so). Counting the seats is most of
    the signed-in course page's time in PostgreSQL: a subquery over every enrolment of the cohorts."""
    today = timezone.localdate()
    if request is None:
        return open_cohorts([course.translation_key], today)
    return cached_per_site(
        request,
        f"open-cohorts:{course.translation_key}:{today.isoformat()}",
        lambda: open_cohorts([course.translation_key], today),
        tags=(SEATS,),
    )


def course_detail(*, course: CoursePage, user, request=None) -> dict:
    cohorts = course_cohorts(course, request)
    outline, prerequisites = course_outline_and_prerequisites(course, request)
    enrolments, completed = {}, set()
    if user.is_authenticated:
        # The person's enrolments in this course and, in the same query, those that completed one of
        # its prerequisites (learning.rules.missing_prerequisites). The join to the cohorts' courses is
        # for the prerequisites alone: a course without any (most) does not build and run it.
        if prerequisites:
            keys = {prerequisite.translation_key for prerequisite in prerequisites}
            wanted = Q(course_key=course.translation_key) | Q(
                status=Status.COMPLETED, cohort__course__translation_key__in=keys
            )
            rows = with_done_keys(
                Enrolment.objects.filter(wanted, user=user).annotate(
                    cohort_course_key=F("cohort__course__translation_key")
                )
            ).select_related("cohort")
        else:
            rows = _enrolments_in_course(user=user.pk, course=course.translation_key)
        for enrolment in rows:
            if enrolment.course_key == course.translation_key:
                enrolments[enrolment.cohort_id] = enrolment
            if enrolment.status == Status.COMPLETED and prerequisites:
                completed.add(enrolment.cohort_course_key)
    offers = [CohortOffer(cohort, seats_left(cohort), enrolments.get(cohort.pk)) for cohort in cohorts]
    learning = next(
        (
            e
            for e in sorted(enrolments.values(), key=lambda e: e.status != Status.ACTIVE)
            if e.status in Enrolment.LEARNING
        ),
        None,
    )
    done = enrolment_done_keys(learning)
    missing = rules.missing_among(prerequisites, completed) if user.is_authenticated else []
    return {
        "offers": offers,
        "learning_enrolment": learning,
        "other_enrolments": [
            e for e in enrolments.values() if e is not learning and e.cohort_id not in {c.pk for c in cohorts}
        ],
        "outline": outline,
        "done_keys": done,
        "percent": progress_percent(done, outline) if learning else None,
        "resume": next_lesson(done, outline) if learning else None,
        "prerequisites": translations_for_list(prerequisites, request),
        "missing_prerequisites": {p.pk for p in missing},
        # Their names alone: the template shows nothing else, and no User needs building.
        "trainers": list(course.trainers.values("display_name")),
    }


def translations_for_list(pages, request):
    translated = translations_for(pages, request)
    return [(page, translated.get(page.pk, page)) for page in pages]
