"""My cohorts: the trainer's list, creating a cohort, co-trainers; staff see every cohort."""

import pytest
from django.contrib.auth.models import Permission

from learning.models import Cohort

from .conftest import Status, cohort_of, enrol, make_trainer, url

pytestmark = pytest.mark.django_db


def test_my_cohorts_lists_seats_requests_and_completion(client, trainer, cohort, other_trainer):
    enrol(cohort, Status.ACTIVE)
    enrol(cohort, Status.COMPLETED)
    enrol(cohort, Status.PENDING)
    cohort_of(other_trainer, title="Someone else's cohort")
    client.force_login(trainer)

    html = client.get(url("cohorts")).content.decode()

    assert "Brussels spring cohort" in html
    assert "2 of 3" in html  # seats taken
    assert "50" in html  # completion rate: 1 of 2 learning
    assert "Someone else&#x27;s cohort" not in html and "Someone else's cohort" not in html


def test_co_trainers_share_a_cohort(client, cohort, other_trainer):
    cohort.trainers.add(other_trainer)
    client.force_login(other_trainer)

    assert client.get(url("cohort", cohort.pk)).status_code == 200
    assert "Brussels spring cohort" in client.get(url("cohorts")).content.decode()


def test_staff_see_every_cohort(client, cohort):
    staff = make_trainer()
    staff.user_permissions.add(Permission.objects.get(codename="change_cohort"))
    client.force_login(staff)

    assert "Brussels spring cohort" in client.get(url("cohorts")).content.decode()
    assert client.get(url("cohort", cohort.pk)).status_code == 200


def test_trainer_creates_a_cohort_and_becomes_its_trainer(client, trainer, course, other_trainer):
    client.force_login(trainer)
    response = client.post(
        url("cohort_create"),
        {
            "course": course.pk,
            "title": "Autumn cohort",
            "starts_on": "2027-09-01",
            "ends_on": "2027-10-01",
            "capacity": "12",
            "enrolment_mode": "approval",
            "language": "fr",
            "waitlist": "on",
            "co_trainers": [other_trainer.pk],
            # Tampering: fields the form does not offer are ignored.
            "invite_code": "MINE",
            "trainers": [999],
        },
    )

    cohort = Cohort.objects.get(title="Autumn cohort")
    assert response.status_code == 302 and response["Location"] == url("cohort", cohort.pk)
    assert set(cohort.trainers.all()) == {trainer, other_trainer}
    assert cohort.capacity == 12 and cohort.language == "fr" and cohort.invite_code != "MINE"


def test_invalid_cohort_form_answers_422_and_keeps_what_was_typed(client, trainer, course):
    client.force_login(trainer)
    response = client.post(
        url("cohort_create"),
        {
            "course": course.pk,
            "title": "Backwards",
            "starts_on": "2027-09-01",
            "ends_on": "2027-08-01",
            "enrolment_mode": "open",
            "language": "en",
        },
    )

    assert response.status_code == 422
    assert 'value="Backwards"' in response.content.decode()
    assert not Cohort.objects.filter(title="Backwards").exists()


def test_a_named_trainer_outside_the_group_cannot_create_cohorts(client, course):
    from tests.factories import CohortFactory, UserFactory

    named = UserFactory()
    CohortFactory(course=course).trainers.add(named)
    client.force_login(named)

    assert client.get(url("cohorts")).status_code == 200
    assert client.get(url("cohort_create")).status_code == 404


def test_dashboard_links_trainers_to_their_workspace(client, trainer):
    client.force_login(trainer)
    assert url("cohorts") in client.get("/en/learning/").content.decode()


def test_demo_trainer_has_requests_a_waitlist_sessions_and_reflections_to_review(demo, client):
    from accounts.models import User
    from learning.models import Attendance, Reflection

    trainer = User.objects.get(email="trainer@example.org")
    client.force_login(trainer)
    mine = Cohort.objects.filter(trainers=trainer)

    with_requests = mine.filter(enrolments__status=Status.PENDING).distinct()
    assert with_requests.count() >= 2
    assert mine.filter(enrolments__status=Status.WAITLISTED).exists()
    assert Attendance.objects.filter(session__cohort__in=mine).exists()
    assert Reflection.objects.filter(enrolment__cohort__in=mine, status=Reflection.Status.SUBMITTED).exists()
    html = client.get(url("cohorts")).content.decode()
    assert all(cohort.title in html for cohort in with_requests)
