"""Each page's SQL queries with an EMPTY cache (the first reader after a deploy, a flush or a publish),
on pages that list several rows (courses, lessons, cohorts, toolkits, documents): an N+1 query shows
here, where a warm cache would hide it. The signed-in pages read their session from the database too,
as on the bench (`make bench`'s "q cold")."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from tests.cache_isolation import forget_own_keys
from tests.factories import CohortFactory, EnrolmentFactory, catalogue, lessons_of, make_course
from tests.home.test_query_counts import add_pages, fill_home
from tests.toolkits import factories as toolkits

pytestmark = pytest.mark.django_db

# Every page: the sites, with whether any page is private (1, core.sites), every site's home pages in
# each language (1), the locales (1, core.localize), the route (2: the page, then its specific type), the
# footer (1) and the live pages the head and header need: the page's translations for the canonical and
# hreflang links with the header's section index pages (1, core.language + core.sections) = 7. Then
# each page's own reads, each a fixed number whatever the rows:
BASE = 7
COLD_QUERIES = {
    "home": BASE,
    # + the pages an editor chose, whatever their number (tests/home/test_query_counts.py): those of the
    # hero links, of the body's cards and featured pages, of the footer's links (one read each, and none
    # for their translations when they are in the reader's language), the featured pages' specific
    # types (two)
    "home, with chosen pages": BASE + 6,
    "content": BASE,
    "catalogue": BASE + 4,  # topics (its filter), count, the page of courses, their open cohorts with seats
    "course": BASE + 4,  # open cohorts with seats, the outline, prerequisites, trainers
    # + session, user, the person's enrolments with their finished lessons (one query, a subquery), the
    # current versions of the privacy notice and terms a signed-in person must accept (accounts.consent),
    # the header's count of unread notifications (one COUNT on its index, notifications.selectors)
    "course, enrolled": BASE + 4 + 5,
    # + session, user, the lesson's course, the enrolment with its finished lessons, the outline, the
    # current privacy and terms versions, the header's unread notifications
    "lesson, signed in": BASE + 7,
    # themes used, their names, cities (the filters); published cases; the listing: count, ids, the
    # rows with their download counts (a subquery), their themes, their documents
    "library": BASE + 9,
    # documents, download counts, themes, related pages, the toolkit's themes and partners, its cases
    "toolkit": BASE + 7,
}


def cold_queries(url: str, user=None) -> list[str]:
    reader = Client()
    if user is not None:
        reader.force_login(user)
    assert reader.get(url).status_code == 200  # what the process keeps itself (content types)
    forget_own_keys()  # the session goes too: it is read from the database, as after a flush
    with CaptureQueriesContext(connection) as captured:
        response = reader.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.fixture
def site_pages():
    home = HomePage.objects.get(locale__language_code="en")
    about = home.add_child(instance=StandardPage(title="About", slug="about", intro="Who we are"))
    courses = [make_course(title=f"Course {n}", lessons=4) for n in range(3)]
    for course in courses:
        CohortFactory(course=course, capacity=5)
        CohortFactory(course=course, capacity=None)
    course = courses[0]
    enrolment = EnrolmentFactory(cohort=course.cohorts.first())
    EnrolmentFactory(cohort=course.cohorts.first())
    shelf = toolkits.library()
    kits = [
        toolkits.toolkit(
            shelf, title=f"Kit {n}", documents=[(toolkits.document(), "en"), (toolkits.document(), "fr")]
        )
        for n in range(3)
    ]

    def chosen_pages():
        fill_home(add_pages(4, home.locale))

    return {
        "home": ("/en/", None),
        "home, with chosen pages": ("/en/", None, chosen_pages),
        "content": (about.url, None),
        "catalogue": (catalogue().url, None),
        "course": (course.url, None),
        "course, enrolled": (course.url, enrolment.user),
        "lesson, signed in": (lessons_of(course)[1].url, enrolment.user),
        "library": (shelf.url, None),
        "toolkit": (kits[0].url, None),
    }


@pytest.mark.parametrize("name", list(COLD_QUERIES))
def test_a_page_with_an_empty_cache_makes_a_fixed_few_queries(name, site_pages):
    url, user, *prepare = site_pages[name]
    for step in prepare:
        step()
    queries = cold_queries(url, user)
    assert len(queries) <= COLD_QUERIES[name], "\n".join(q[:200] for q in queries)
