"""Which courses people completed, for pages outside learning (the network's directory).

A completion is an enrolment in the completed state: the same fact a certificate is issued from, so
courses that award no certificate count too. Courses are named by their translation key, which is the
same in every language, and titled in the reader's language where the course is translated.
"""

from collections import defaultdict
from uuid import UUID

from wagtail.models import Locale

from .models import CoursePage, Enrolment


def completed_course_keys(user_ids) -> dict[int, list[UUID]]:
    """{user id: course keys completed}, for a whole page of people in one query."""
    found: dict[int, list[UUID]] = defaultdict(list)
    rows = (
        Enrolment.objects.filter(user_id__in=list(user_ids), status=Enrolment.Status.COMPLETED)
        .order_by("completed_at", "pk")
        .values_list("user_id", "course_key")
    )
    for user_id, key in rows:
        if key not in found[user_id]:
            found[user_id].append(key)
    return found


def completers(course_key: UUID):
    """The ids of everyone who completed the course, as a subquery."""
    return Enrolment.objects.filter(course_key=course_key, status=Enrolment.Status.COMPLETED).values(
        "user_id"
    )


def course_titles(*, locale: Locale | None, keys=None) -> dict[UUID, str]:
    """{course key: title} of live courses (all of them, or those of `keys`), in `locale` where the course
    is translated into it, else in the first locale it was written in. One query."""
    courses = CoursePage.objects.live()
    if keys is not None:
        courses = courses.filter(translation_key__in=list(keys))
    titles: dict[UUID, str] = {}
    for key, locale_id, title, alias_of in courses.order_by("locale_id", "pk").values_list(
        "translation_key", "locale_id", "title", "alias_of_id"
    ):
        if locale is not None and locale_id == locale.pk and alias_of is None:
            titles[key] = title
        elif alias_of is None:
            titles.setdefault(key, title)
    return titles
