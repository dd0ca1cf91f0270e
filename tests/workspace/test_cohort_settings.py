"""A trainer changes a cohort's settings from the workspace; capacity never drops below the seats taken."""

import pytest

from learning.models import Cohort

from .conftest import Status, enrol, make_trainer, url

pytestmark = pytest.mark.django_db


def settings_of(cohort, **changes):
    data = {
        "title": cohort.title,
        "starts_on": "2027-03-01",
        "ends_on": "2027-06-30",
        "capacity": cohort.capacity or "",
        "enrolment_mode": cohort.enrolment_mode,
        "language": cohort.language,
        "waitlist": "on" if cohort.waitlist else "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value != ""}


def test_trainer_changes_title_dates_and_mode(client, trainer, cohort):
    client.force_login(trainer)
    assert client.get(url("cohort_edit", cohort.pk)).status_code == 200

    response = client.post(
        url("cohort_edit", cohort.pk),
        settings_of(cohort, title="Brussels, spring 2027", enrolment_mode="approval"),
    )

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.title, cohort.enrolment_mode, str(cohort.starts_on)) == (
        "Brussels, spring 2027",
        "approval",
        "2027-03-01",
    )
    assert trainer in cohort.trainers.all()


def test_capacity_below_the_seats_taken_is_refused_and_keeps_what_was_typed(client, trainer, cohort):
    enrol(cohort, Status.ACTIVE)
    enrol(cohort, Status.ACTIVE)
    client.force_login(trainer)

    response = client.post(
        url("cohort_edit", cohort.pk), settings_of(cohort, capacity=1, title="Typed title")
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "2 seats are already taken" in page and 'value="Typed title"' in page
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title) == (3, "Brussels spring cohort")


def test_more_seats_go_to_the_waitlist_first(client, trainer, cohort):
    for _ in range(3):
        enrol(cohort, Status.ACTIVE)
    first = enrol(cohort, Status.WAITLISTED)
    second = enrol(cohort, Status.WAITLISTED)
    client.force_login(trainer)

    client.post(url("cohort_edit", cohort.pk), settings_of(cohort, capacity=4))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.ACTIVE, Status.WAITLISTED)


def test_co_trainers_change_and_the_editor_stays(client, trainer, cohort):
    colleague, newcomer = make_trainer(), make_trainer()
    cohort.trainers.add(colleague)
    client.force_login(trainer)
    form = client.get(url("cohort_edit", cohort.pk)).content.decode()
    assert f'value="{colleague.pk}"' in form and "checked" in form

    client.post(url("cohort_edit", cohort.pk), {**settings_of(cohort), "co_trainers": [newcomer.pk]})

    assert set(Cohort.objects.get(pk=cohort.pk).trainers.all()) == {trainer, newcomer}


def test_the_course_cannot_be_changed(client, trainer, cohort):
    from tests.factories import make_course

    other = make_course(title="Another course")
    client.force_login(trainer)

    client.post(url("cohort_edit", cohort.pk), {**settings_of(cohort), "course": other.pk})

    cohort.refresh_from_db()
    assert cohort.course_id != other.pk
