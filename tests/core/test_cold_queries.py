"""Each page's SQL queries with an EMPTY cache (the first reader after a deploy, a flush or a publish),
on pages that list several rows (courses, lessons, cohorts, trainers, toolkits, themes, documents,
downloads, cases): an N+1 query shows here, where a warm cache would hide it. The signed-in pages read
their session from the database too, as on the bench (`make bench`'s "q cold"). Then the same pages
with ten times the rows make the same number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage, StandardPage
from learning.models import LessonPage, LessonProgress
from tests.cache_isolation import forget_own_keys
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    catalogue,
    legal_version,
    lessons_of,
    make_course,
    text_block,
)
from tests.home.test_query_counts import add_pages, fill_home
from tests.toolkits import factories as toolkits
from toolkits.models import ActionPlan, DownloadEvent, ToolkitRelatedPage

pytestmark = pytest.mark.django_db

# Every page: the sites, with whether any page is private, the footer, the locales and the current
# versions of the privacy notice and terms (1, core.sites), every site's home pages in each language with
# the header's section index pages (1, core.sites.site_pages), the route: the page with its live
# translations for the language switcher and the canonical and hreflang links (1, core.routing), then
# its specific type (1) = 4. Then each page's own reads, each a fixed number whatever the rows:
BASE = 4
# A signed-in reader's session and user (read with the header's unread notifications: accounts.backends).
SIGNED_IN = 2
COLD_QUERIES = {
    "home": BASE,
    # + the pages an editor chose, whatever their number (tests/home/test_query_counts.py): those of the
    # hero links, of the body's cards and featured pages, of the footer's links (one read each, and none
    # for their translations when they are in the reader's language), the featured pages' specific
    # types (two)
    "home, with chosen pages": BASE + 6,
    "content": BASE,
    "catalogue": BASE + 4,  # topics (its filter), count, the page of courses, their open cohorts with seats
    "course": BASE + 3,  # open cohorts with seats, the outline with the prerequisites (one query), trainers
    # + the person's enrolments with their finished lessons (a subquery), and in the same query those
    # that completed a prerequisite
    "course, enrolled": BASE + SIGNED_IN + 3 + 1,
    # + the lesson's course, the enrolment with its finished lessons, the outline
    "lesson, signed in": BASE + SIGNED_IN + 3,
    # the places and themes of the live toolkits (the filters), every theme, published cases; the
    # listing: the page of rows with their number and download counts (a window function and a
    # subquery), their themes, their documents
    "library": BASE + 6,
    # documents with their download counts (subqueries), every theme, related pages, the toolkit's
    # themes and partners, its cases
    "toolkit": BASE + 6,
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


class SitePages:
    """A site with a few of every row the pages list; `grow(n)` adds n more of each."""

    def __init__(self):
        legal_version("privacy")
        legal_version("terms")
        self.home = HomePage.objects.get(locale__language_code="en")
        about = StandardPage(title="About", slug="about", intro="Who we are")
        self.about = self.home.add_child(instance=about)
        self.course = make_course(title="Course 0", lessons=2)
        CohortFactory(course=self.course, capacity=5)
        self.cohort = CohortFactory(course=self.course, capacity=None)
        self.enrolment = EnrolmentFactory(cohort=self.cohort)
        self.shelf = toolkits.library()
        self.kit = toolkits.toolkit(self.shelf, title="Kit 0")
        self.template = toolkits.template(self.shelf)
        self.grown = 0

    def grow(self, count: int) -> None:
        for _ in range(count):
            self.grown += 1
            n = self.grown
            other = make_course(title=f"Course {n}", lessons=2)
            CohortFactory(course=other, capacity=5)
            CohortFactory(course=self.course, capacity=5 + n)
            EnrolmentFactory(cohort=self.cohort)
            # Finished before: the enrolled reader sees it as a prerequisite completed.
            EnrolmentFactory(cohort=CohortFactory(course=other), user=self.enrolment.user, status="completed")
            self.course.refresh_from_db()
            lesson = self.course.add_child(
                instance=LessonPage(title=f"Lesson {n + 2}", slug=f"lesson-{n + 2}", body=[text_block()])
            )
            LessonProgress.objects.create(
                enrolment=self.enrolment,
                lesson=lesson,
                lesson_key=lesson.translation_key,
                completed_at=timezone.now(),
            )
            self.course.trainers.add(UserFactory())
            self.course.prerequisites.add(other)
            self.course.save()
            theme = toolkits.ThemeFactory()
            document = toolkits.document(title=f"Document {n}")
            toolkits.toolkit(self.shelf, title=f"Kit {n}", themes=[theme], documents=[(document, "fr")])
            self.kit.themes.add(theme)
            self.kit.organisations.add(toolkits.OrganisationFactory())
            self.kit.save()
            ToolkitRelatedPage.objects.create(page=self.kit, target=other)
            self.kit.document_links.create(document=document, language="en")
            DownloadEvent.objects.create(document=document, document_title=document.title, toolkit=self.kit)
            case = toolkits.plan(self.template, title=f"Plan {n}")
            ActionPlan.objects.filter(pk=case.pk).update(
                status=ActionPlan.Status.PUBLISHED,
                toolkit=self.kit,
                published_at=timezone.now() - timedelta(days=n),
            )

    def pages(self) -> dict:
        return {
            "home": ("/en/", None),
            "home, with chosen pages": ("/en/", None),
            "content": (self.about.url, None),
            "catalogue": (catalogue().url, None),
            "course": (self.course.url, None),
            "course, enrolled": (self.course.url, self.enrolment.user),
            "lesson, signed in": (lessons_of(self.course)[1].url, self.enrolment.user),
            "library": (self.shelf.url, None),
            "toolkit": (self.kit.url, None),
        }


@pytest.fixture
def site_pages():
    site = SitePages()
    site.grow(2)
    return site


@pytest.mark.parametrize("name", list(COLD_QUERIES))
def test_a_page_with_an_empty_cache_makes_a_fixed_few_queries(name, site_pages):
    if name == "home, with chosen pages":
        fill_home(add_pages(4, site_pages.home.locale))
    url, user = site_pages.pages()[name]
    queries = cold_queries(url, user)
    assert len(queries) <= COLD_QUERIES[name], "\n".join(q[:200] for q in queries)


def test_ten_times_the_rows_make_the_same_queries(site_pages):
    def counts() -> dict[str, int]:
        pages = site_pages.pages()
        del pages["home, with chosen pages"]  # below: choosing pages changes the footer of every page
        return {name: len(cold_queries(url, user)) for name, (url, user) in pages.items()}

    def home_with_chosen_pages(count: int) -> int:
        fill_home(add_pages(count, site_pages.home.locale))
        return len(cold_queries("/en/", None))

    before = counts()
    site_pages.grow(18)  # 2 -> 20 of each
    assert counts() == before
    assert all(before[name] <= COLD_QUERIES[name] for name in before), before
    assert home_with_chosen_pages(2) == home_with_chosen_pages(20) <= COLD_QUERIES["home, with chosen pages"]
