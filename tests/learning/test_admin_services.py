"""The Wagtail admin writes cohorts, live sessions and deletions through the same rules as the site:
capacity and the waitlist, the course a cohort's people belong to, a session's own time zone, and the
refusal to delete a course holding people's data, in bulk as well as one at a time."""

from datetime import UTC, datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from learning.models import Cohort, Enrolment, LiveSession
from tests.factories import CohortFactory, EnrolmentFactory, LiveSessionFactory, UserFactory, make_course

pytestmark = pytest.mark.django_db
Status = Enrolment.Status


@pytest.fixture
def staff(client):
    # Brussels is not New York: the admin must not read a session's times in the editor's own zone.
    client.force_login(UserFactory(is_staff=True, is_superuser=True, time_zone="Europe/Brussels"))
    return client


def cohort_form(cohort: Cohort, **changes) -> dict:
    data = {
        "course": cohort.course_id,
        "title": cohort.title,
        "starts_on": cohort.starts_on.isoformat() if cohort.starts_on else "",
        "ends_on": "",
        "capacity": cohort.capacity if cohort.capacity is not None else "",
        "enrolment_mode": cohort.enrolment_mode,
        "invite_code": cohort.invite_code,
        "language": cohort.language,
        "waitlist": "on" if cohort.waitlist else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def edit_cohort(client, cohort, **changes):
    return client.post(f"/admin/learning/cohorts/edit/{cohort.pk}/", cohort_form(cohort, **changes))


def test_capacity_cannot_drop_below_the_seats_taken_in_the_admin(staff):
    cohort = CohortFactory(capacity=3)
    EnrolmentFactory.create_batch(2, cohort=cohort)

    response = edit_cohort(staff, cohort, capacity=1)

    assert response.status_code == 200
    assert "2 seats are already taken" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.capacity == 3


def test_raising_capacity_in_the_admin_promotes_the_waitlist(staff):
    cohort = CohortFactory(capacity=1, waitlist=True)
    EnrolmentFactory(cohort=cohort)
    waiting = EnrolmentFactory(cohort=cohort, status=Status.WAITLISTED)

    response = edit_cohort(staff, cohort, capacity=2)

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.ACTIVE


def test_the_course_of_a_cohort_with_enrolments_cannot_change_in_the_admin(staff):
    cohort = CohortFactory()
    EnrolmentFactory(cohort=cohort)
    other = make_course(title="Another course")

    response = edit_cohort(staff, cohort, course=other.pk)

    assert response.status_code == 200
    assert "its course can no longer change" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.course_id != other.pk


def test_an_empty_cohort_can_still_move_to_another_course(staff):
    cohort = CohortFactory()
    other = make_course(title="Another course")

    assert edit_cohort(staff, cohort, course=other.pk).status_code == 302
    cohort.refresh_from_db()
    assert cohort.course_id == other.pk


def session_form(cohort, starts="2027-03-10 10:00", ends="2027-03-10 11:30") -> dict:
    return {
        "cohort": cohort.pk,
        "title": "Kick-off",
        "starts_at": starts,
        "ends_at": ends,
        "time_zone": "America/New_York",
        "location": "",
        "online_url": "",
    }


NEW_YORK_10AM_IN_UTC = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)  # before US summer time (14 March)


def test_a_session_typed_in_the_admin_is_read_in_its_own_time_zone(staff):
    cohort = CohortFactory()

    response = staff.post("/admin/learning/sessions/new/", session_form(cohort))

    assert response.status_code == 302
    session = LiveSession.objects.get(cohort=cohort)
    assert session.starts_at == NEW_YORK_10AM_IN_UTC
    assert session.ends_at == datetime(2027, 3, 10, 16, 30, tzinfo=UTC)


def test_the_admin_and_the_workspace_store_the_same_time(staff):
    from tests.workspace.conftest import make_trainer, url

    cohort = CohortFactory()
    trainer = make_trainer(time_zone="Asia/Tokyo")
    cohort.trainers.add(trainer)
    staff.post("/admin/learning/sessions/new/", session_form(cohort))
    staff.force_login(trainer)
    workspace = session_form(cohort, starts="2027-03-10T10:00", ends="2027-03-10T11:30")
    staff.post(url("session_create", cohort.pk), {**workspace, "title": "From the workspace"})

    assert set(LiveSession.objects.filter(cohort=cohort).values_list("starts_at", flat=True)) == {
        NEW_YORK_10AM_IN_UTC
    }


def test_editing_a_session_in_the_admin_shows_and_keeps_its_own_time(staff):
    session = LiveSessionFactory(
        starts_at=NEW_YORK_10AM_IN_UTC,
        ends_at=datetime(2027, 3, 10, 16, 30, tzinfo=UTC),
        time_zone="America/New_York",
    )
    edit_url = f"/admin/learning/sessions/edit/{session.pk}/"

    form = staff.get(edit_url).content.decode()
    staff.post(edit_url, {**session_form(session.cohort), "title": "Renamed"})

    assert 'value="2027-03-10 10:00' in form
    session.refresh_from_db()
    assert (session.title, session.starts_at) == ("Renamed", NEW_YORK_10AM_IN_UTC)


def bulk_delete(client, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = "&".join(f"id={page.pk}" for page in pages) + "&next=/admin/pages/"
    return client.post(f"{url}?{query}")


def said(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_bulk_deleting_a_course_with_cohorts_is_refused_clearly(staff):
    used = make_course(title="Course with people")
    EnrolmentFactory(cohort=CohortFactory(course=used))
    unused = make_course(title="Course without people")

    response = bulk_delete(staff, used, unused)

    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert "“Course with people” cannot be deleted" in said(response)
    assert "Nothing was deleted" in said(response)
    assert used.__class__.objects.filter(pk__in=[used.pk, unused.pk]).count() == 2


def test_bulk_deleting_courses_without_people_still_works(staff):
    unused = make_course(title="Course without people")

    bulk_delete(staff, unused)

    assert not unused.__class__.objects.filter(pk=unused.pk).exists()


def test_bulk_deleting_a_template_cities_used_is_refused(staff):
    from tests.toolkits import factories as f

    plan = f.plan()

    response = bulk_delete(staff, plan.template)

    assert "Unpublish it instead" in said(response)
    assert plan.template.__class__.objects.filter(pk=plan.template_id).exists()
