"""The catalogue, the dashboard and the calendar files; list pages make a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import user_data_export
from learning import services
from learning.models import Cohort, CoursePage, Enrolment, Topic
from tests.cache_isolation import forget_own_keys
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LiveSessionFactory,
    UserFactory,
    catalogue,
    lessons_of,
    make_course,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    for _warm_up in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def cold_and_warm(client, url) -> tuple[int, int]:
    """Queries with an empty cache (where an N+1 query shows), then on the next visit."""
    client.get(url)  # what the process keeps itself (content types)
    forget_own_keys()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    return len(cold), len(warm)


# Catalogue ------------------------------------------------------------------------------------------


def test_catalogue_lists_courses_with_upcoming_cohorts_and_seats(client):
    course = make_course(title="Running inclusive voter-registration campaigns")
    cohort = CohortFactory(course=course, title="Brussels, spring", capacity=3)
    EnrolmentFactory(cohort=cohort)

    html = client.get(catalogue().url).content.decode()

    assert "Running inclusive voter-registration campaigns" in html
    assert "Brussels, spring" in html
    assert "2 seats left" in html


def test_catalogue_filters_by_format_level_language_and_topic(client):
    topic = Topic.objects.create(name="Political participation", locale=catalogue().locale)
    make_course(title="Self-paced basics", format=CoursePage.Format.SELF_PACED, topic=topic)
    make_course(title="Advanced cohort", format=CoursePage.Format.COHORT, level=CoursePage.Level.ADVANCED)
    make_course(title="En français", language="fr")

    def titles(query):
        return client.get(catalogue().url + query).content.decode()

    assert "Self-paced basics" in titles("?format=self_paced")
    assert "Advanced cohort" not in titles("?format=self_paced")
    assert "Advanced cohort" in titles("?level=advanced") and "En français" not in titles("?level=advanced")
    assert "En français" in titles("?language=fr") and "Self-paced basics" not in titles("?language=fr")
    assert "Self-paced basics" in titles(f"?topic={topic.pk}") and "En français" not in titles(
        f"?topic={topic.pk}"
    )


def test_catalogue_full_text_search(client):
    make_course(title="Voter registration", summary="Door-to-door outreach in every neighbourhood")
    make_course(title="Leadership", summary="Public speaking for community leaders")

    html = client.get(catalogue().url + "?q=outreach").content.decode()

    assert "Voter registration" in html
    assert "Leadership" not in html


def test_the_form_shows_the_filters_in_effect_for_every_visitor_alike(client):
    make_course(title="Voter registration", summary="Door-to-door outreach", format="cohort")

    first = client.get(catalogue().url + "?q=outreach&format=cohort&level=nonsense").content.decode()
    second = client.get(catalogue().url + "?format=cohort&q=outreach").content.decode()  # from the cache

    for html in (first, second):
        assert 'value="outreach"' in html
        assert '<option value="cohort" selected>' in html
        assert "nonsense" not in html
    assert 'value="outreach"' not in client.get(catalogue().url + "?format=cohort").content.decode()


def test_catalogue_bad_filter_values_are_ignored_not_errors(client):
    make_course(title="Still listed")

    response = client.get(catalogue().url + "?format=<script>&topic=abc&page=999")

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_catalogue_paginates(client):
    for number in range(14):
        make_course(title=f"Course {number:02d}", lessons=0)

    first = client.get(catalogue().url).content.decode()
    second = client.get(catalogue().url + "?page=2").content.decode()

    assert "Page 1 of 2" in first and "Course 00" in first and "Course 13" not in first
    assert "Course 13" in second


def test_catalogue_queries_do_not_grow_with_courses_or_cohorts(client):
    cold, warm = [], []
    client.get(catalogue().url)  # fills what the process keeps (content types), as a running server has
    for extra in (2, 30):
        for _ in range(extra):
            CohortFactory(course=make_course(lessons=0))
        forget_own_keys()
        with CaptureQueriesContext(connection) as queries:
            client.get(catalogue().url + "?format=cohort")
        cold.append(len(queries))
        warm.append(queries_for(client, catalogue().url))
    assert cold[0] == cold[1] <= 18  # with the site, footer and menu caches empty too
    assert warm[0] == warm[1] <= 4


def test_cached_catalogue_follows_seats_and_keeps_no_visitor_parameters(
    client, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(course=make_course(title="Voting rights"), capacity=5)
    for _ in range(13):
        make_course(title="Zz other course", lessons=0)
    first = client.get(catalogue().url + "?format=cohort&utm_source=<x>&tracking=me").content.decode()
    assert "5 seats left" in first
    assert "tracking" not in first and "utm_source" not in first
    assert "?format=cohort&amp;page=2" in first

    trainee = UserFactory()
    client.force_login(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cohort.enrol_url)

    assert "4 seats left" in client.get(catalogue().url + "?format=cohort").content.decode()


# My learning -----------------------------------------------------------------------------------------


def test_dashboard_shows_progress_resume_and_sessions(client):
    course = make_course(title="Democracy summit", lessons=4)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    LiveSessionFactory(cohort=enrolment.cohort, title="Meet your peers")
    services.lesson_complete(enrolment=enrolment, lesson=lessons_of(course)[0])
    client.force_login(enrolment.user)

    html = client.get("/en/learning/").content.decode()

    assert "Democracy summit" in html
    assert "25% complete" in html
    assert "Resume: Lesson 2" in html
    assert "Meet your peers" in html


def test_dashboard_queries_do_not_grow_with_enrolments_or_lessons(client):
    user = UserFactory()
    client.force_login(user)
    counts = []
    for courses, lessons in ((1, 5), (6, 50)):
        for _ in range(courses):
            enrolment = EnrolmentFactory(user=user, cohort=CohortFactory(course=make_course(lessons=lessons)))
            LiveSessionFactory(cohort=enrolment.cohort)
            services.lesson_complete(enrolment=enrolment, lesson=lessons_of(enrolment.cohort.course)[0])
        counts.append(cold_and_warm(client, "/en/learning/"))
    assert counts[0] == counts[1]
    assert counts[1][1] <= 11  # 11: the invitations waiting for the person are one query


def test_dashboard_needs_login(client):
    response = client.get("/en/learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# Calendar files --------------------------------------------------------------------------------------


def test_enrolled_trainee_downloads_the_session_calendar(client):
    enrolment = EnrolmentFactory()
    session = LiveSessionFactory(
        cohort=enrolment.cohort, title="Q&A; with, trainers", location="Rue Belliard 205"
    )
    client.force_login(enrolment.user)

    response = client.get(f"/en/learning/sessions/{session.uid}.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:Q&A\\; with\\, trainers" in body
    assert f"UID:{session.uid}@" in body
    cohort_file = client.get(f"/en/learning/cohorts/{enrolment.cohort.pk}/calendar.ics").content.decode()
    assert cohort_file.count("BEGIN:VEVENT") == 1


@pytest.mark.parametrize("status", [Enrolment.Status.PENDING, None])
def test_other_people_cannot_download_a_cohorts_calendar(client, status):
    session = LiveSessionFactory()
    user = UserFactory()
    if status:
        EnrolmentFactory(user=user, cohort=session.cohort, status=status)
    client.force_login(user)

    assert client.get(f"/en/learning/sessions/{session.uid}.ics").status_code == 404
    assert client.get(f"/en/learning/cohorts/{session.cohort.pk}/calendar.ics").status_code == 404


# Privacy -----------------------------------------------------------------------------------------------


def test_data_export_includes_learning_records(client):
    enrolment = EnrolmentFactory(cohort=CohortFactory(enrolment_mode=Cohort.Mode.OPEN))
    services.lesson_complete(enrolment=enrolment, lesson=lessons_of(enrolment.cohort.course)[0])

    learning = user_data_export(user=enrolment.user)["learning"]
    assert learning["enrolments"][0]["cohort"] == enrolment.cohort.title
    assert len(learning["enrolments"][0]["lessons_completed"]) == 1
