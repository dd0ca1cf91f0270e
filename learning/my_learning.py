"""Reads for *My learning*, the trainee's dashboard: their courses with progress and what to resume,
certificates once issued, invitations waiting for an answer, and the next live sessions. A fixed number
of queries, however many courses the person follows."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from accounts.roles import TRAINERS
from core.localize import translations_for

from .certificates.selectors import certificates_by_enrolment, holder_links
from .models import Enrolment, LessonPage, LessonProgress, LiveSession
from .selectors import OutlineEntry, next_lesson, progress_percent
from .workspace.models import CohortInvitation

Status = Enrolment.Status


@dataclass
class DashboardRow:
    enrolment: Enrolment
    course: Page
    percent: int
    resume: OutlineEntry | None
    lessons: int
    certificate: object | None = None  # the holder's links to their valid certificate, once issued


def dashboard(*, user, request=None) -> dict:
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status__in=[Status.WITHDRAWN, Status.REJECTED])
        .select_related("cohort__course")
        .order_by("-status_changed_at")
    )
    courses = [enrolment.cohort.course for enrolment in enrolments]
    translated = translations_for(courses, request)
    # Lessons of the course in the reader's language (its translation or its alias): "Resume" keeps
    # the interface language; progress is matched by translation key, the same in every language.
    outlines = _outlines([translated.get(course.pk, course) for course in courses], request)
    done: dict[int, set[str]] = {}
    for enrolment_id, key in LessonProgress.objects.filter(enrolment__in=enrolments).values_list(
        "enrolment_id", "lesson_key"
    ):
        done.setdefault(enrolment_id, set()).add(str(key))

    finished = [e.pk for e in enrolments if e.status == Status.COMPLETED]
    certificates = certificates_by_enrolment(finished) if finished else {}
    rows = []
    for enrolment in enrolments:
        course = enrolment.cohort.course
        outline = outlines.get(translated.get(course.pk, course).pk, [])
        keys = done.get(enrolment.pk, set())
        rows.append(
            DashboardRow(
                enrolment=enrolment,
                course=translated.get(course.pk, course),
                percent=100 if enrolment.status == Status.COMPLETED else progress_percent(keys, outline),
                resume=next_lesson(keys, outline),
                lessons=sum(entry.kind == "lesson" for entry in outline),
                certificate=holder_links(certificates[enrolment.pk])
                if enrolment.pk in certificates
                else None,
            )
        )
    active_cohorts = [e.cohort_id for e in enrolments if e.status in Enrolment.LEARNING]
    sessions = list(
        LiveSession.objects.filter(cohort_id__in=active_cohorts, ends_at__gte=timezone.now()).select_related(
            "cohort"
        )[:10]
    )
    return {
        "invitations": invitations_waiting(user=user),
        "current": [row for row in rows if row.enrolment.status == Status.ACTIVE],
        "waiting": [row for row in rows if row.enrolment.status in (Status.PENDING, Status.WAITLISTED)],
        "finished": [row for row in rows if row.enrolment.status == Status.COMPLETED],
        "sessions": sessions,
    }


def invitations_waiting(*, user) -> list[CohortInvitation]:
    """Invitations sent to one of the person's addresses that they have not answered yet: the link in the
    e-mail is not the only way in (it may have been lost while signing up). One query."""
    verified = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(address=Lower("email"))
        .values("address")
    )
    return list(
        CohortInvitation.objects.annotate(address=Lower("email"))
        .filter(Q(address=user.email.lower()) | Q(address__in=verified))
        .filter(accepted_at__isnull=True, cohort__course__live=True)
        .select_related("cohort__course")
        .order_by("-created_at")[:20]
    )


def _outlines(courses, request) -> dict[int, list[OutlineEntry]]:
    """The lessons of several courses in one query (the dashboard lists any number of courses)."""
    courses = list({course.pk: course for course in courses}.values())
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    pages = list(
        LessonPage.objects.live()
        .filter(condition)
        .order_by("path")
        .only("title", "url_path", "path", "depth", "translation_key", "locale_id", "required", "minutes")
    )
    return {
        course.pk: [
            OutlineEntry(
                "lesson", p.pk, p.title, p.get_url(request), str(p.translation_key), p.required, p.minutes
            )
            for p in pages
            if p.path.startswith(course.path)
        ]
        for course in courses
    }


def runs_cohorts(user) -> bool:
    """Whether to show the trainer's workspace link: one query (group or named trainer), none for staff."""
    if user.is_superuser or user.is_staff:
        return True
    return (
        User.objects.filter(pk=user.pk)
        .filter(Q(groups__name=TRAINERS) | Q(trained_cohorts__isnull=False))
        .exists()
    )
