"""Reads for the course catalogue: one page of courses with their open cohorts, and the topics to filter
by. A fixed number of queries, however many courses and cohorts there are."""

from django.core.paginator import Paginator

from core.site_cache import cached_per_site

from .course_page import open_cohorts, seats_left
from .models import CoursePage, Topic

CATALOGUE_PAGE_SIZE = 12

CATALOGUE_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "translation_key",
    "locale_id",
    "alias_of_id",  # an alias's words are its source's, in the source's language
    "summary",
    "level",
    "format",
    "language",
    "hours",
    "weeks",
    "topic__name",
)


def catalogue_page(*, index, form, page_number):
    """One page of the catalogue: courses with their topic and open cohorts, in four queries."""
    filters = form.filters()
    courses = CoursePage.objects.live().child_of(index)
    if "topic" in filters:
        courses = courses.filter(topic_id=filters["topic"])
    for name in ("language", "format", "level"):
        if name in filters:
            courses = courses.filter(**{name: filters[name]})
    if filters.get("q"):
        page = Paginator(courses.search(filters["q"], operator="and"), CATALOGUE_PAGE_SIZE).get_page(
            page_number
        )
        ids = [course.pk for course in page.object_list]
        found = CoursePage.objects.filter(pk__in=ids).select_related("topic").only(*CATALOGUE_FIELDS)
        by_id = {course.pk: course for course in found}
        listed = [by_id[pk] for pk in ids if pk in by_id]
    else:
        ordered = courses.select_related("topic").only(*CATALOGUE_FIELDS).order_by("title", "pk")
        page = Paginator(ordered, CATALOGUE_PAGE_SIZE).get_page(page_number)
        listed = list(page.object_list)
    cohorts: dict = {}
    for cohort in open_cohorts([course.translation_key for course in listed]):
        cohorts.setdefault(cohort.course_key, []).append((cohort, seats_left(cohort)))
    page.object_list = [(course, cohorts.get(course.translation_key, [])[:3]) for course in listed]
    return page


def topic_choices(locale_id, request=None) -> list[tuple[int, str]]:
    def compute():
        return list(Topic.objects.filter(locale_id=locale_id).values_list("pk", "name"))

    if request is None:
        return compute()
    return cached_per_site(request, f"topic-choices:{locale_id}", compute)
