"""Reads for the moment a course is completed: what was achieved, the certificate, and what next.

Kept apart from `selectors` (already long): this page is read once per completion, and from the link in
the completion e-mail.
"""

from dataclasses import dataclass

from django.http import Http404
from wagtail.models import Locale

from core.localize import translations_for

from .certificates.selectors import certificates_by_enrolment, holder_links
from .models import CoursePage, Enrolment

NEXT_COURSES = 3


@dataclass
class Completion:
    enrolment: Enrolment
    course: CoursePage  # in the reader's language when translated
    certificate: object | None  # the holder's links, once issued
    certificate_expected: bool  # the course awards one: it is on its way if not issued yet
    next_courses: list[CoursePage]


def completion(*, user, enrolment_pk: int, request=None) -> Completion:
    """The person's own completed enrolment; 404 for anyone else's, or for one not completed."""
    enrolment = (
        Enrolment.objects.select_related("cohort__course")
        .filter(pk=enrolment_pk, user=user, status=Enrolment.Status.COMPLETED)
        .first()
    )
    if enrolment is None:
        raise Http404
    course = enrolment.cohort.course
    certificate = certificates_by_enrolment([enrolment.pk]).get(enrolment.pk)
    return Completion(
        enrolment=enrolment,
        course=translations_for([course], request).get(course.pk, course),
        certificate=holder_links(certificate) if certificate else None,
        certificate_expected=course.certificate_enabled,
        next_courses=next_courses(user=user),
    )


def next_courses(*, user, limit: int = NEXT_COURSES) -> list[CoursePage]:
    """Live courses in the reader's language that the person has no place in yet (one query). Cohorts
    and places refer to a course by its translation key, so a course taken in French is not offered
    again in English."""
    taken = Enrolment.objects.filter(user=user, status__in=Enrolment.CURRENT).values("course_key")
    return list(
        CoursePage.objects.live()
        .filter(locale=Locale.get_active())
        .exclude(translation_key__in=taken)
        .only("title", "url_path", "path", "depth", "summary", "hours", "locale_id", "first_published_at")
        .order_by("-first_published_at", "pk")[:limit]
    )
