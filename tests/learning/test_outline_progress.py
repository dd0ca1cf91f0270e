"""The outline is the same for everyone (cached with the content); a trainee's progress is laid over
it on every request, so a lesson completed a moment ago shows as done at once, on every page."""

import re

import pytest
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

HIDDEN = '<span class="visually-hidden">{}</span>'
DONE = '<span class="status-done" aria-hidden="true">✓</span>' + HIDDEN.format("Completed:")
TODO = '<span class="status-todo" aria-hidden="true">○</span>' + HIDDEN.format("Not completed:")


def test_a_lesson_completed_shows_as_done_in_the_outline_at_once(client):
    course = make_course(lessons=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    first, second, _third = lessons_of(course)
    client.force_login(enrolment.user)
    # Both pages and their outlines are in the cache before the lesson is completed.
    for url in (course.url, second.url):
        page = client.get(url).content.decode()
        assert page.count(TODO) == 3 and DONE not in page

    response = client.post(reverse("learning:lesson_complete", args=[first.pk]))
    assert response.status_code in (200, 302)

    course_page = client.get(course.url).content.decode()
    assert course_page.count(DONE) == 1 and course_page.count(TODO) == 2
    lesson_page = client.get(second.url).content.decode()
    assert lesson_page.count(DONE) == 1 and lesson_page.count(TODO) == 2
    # The current lesson is marked, and linked as the page itself.
    assert re.search(rf'<a href="{re.escape(second.url)}" aria-current="page"[^>]*>Lesson 2</a>', lesson_page)


def test_the_outline_of_a_course_page_for_a_visitor_shows_lessons_without_marks(client):
    course = make_course(lessons=2)
    page = client.get(course.url).content.decode()
    assert DONE not in page and TODO not in page
    # Not links, and marked with the course's own language (its titles are its words).
    assert '<span lang="en" dir="ltr">Lesson 1</span>' in page
    assert '<span lang="en" dir="ltr">Lesson 2</span>' in page
