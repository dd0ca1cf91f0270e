"""The roster: filters, and approve / reject / move from waitlist / withdraw, one at a time and in bulk."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learning import services
from learning.models import Enrolment
from tests.factories import lessons_of

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


def statuses(*enrolments):
    return [Enrolment.objects.get(pk=e.pk).status for e in enrolments]


def test_roster_shows_each_trainee_with_status_and_progress(client, trainer, cohort):
    active = enrol(cohort, Status.ACTIVE, display_name="Amina Diallo")
    services.lesson_complete(enrolment=active, lesson=lessons_of(cohort.course)[0])
    enrol(cohort, Status.PENDING, display_name="Reza Karimi")
    client.force_login(trainer)

    html = client.get(url("cohort", cohort.pk)).content.decode()

    assert "Amina Diallo" in html and "Reza Karimi" in html
    assert "33&nbsp;%" in html  # one lesson of three
    assert "Request pending" in html


def test_roster_filters_by_status_inactivity_and_progress(client, trainer, cohort):
    started = enrol(cohort, Status.ACTIVE, display_name="Started Sam")
    services.lesson_complete(enrolment=started, lesson=lessons_of(cohort.course)[0])
    idle = enrol(cohort, Status.ACTIVE, display_name="Idle Ida")
    Enrolment.objects.filter(pk=idle.pk).update(
        created_at=timezone.now() - timedelta(days=40), last_activity_at=timezone.now() - timedelta(days=30)
    )
    enrol(cohort, Status.PENDING, display_name="Pending Pat")
    client.force_login(trainer)

    def names(query):
        html = client.get(url("cohort", cohort.pk) + query).content.decode()
        return {name for name in ("Started Sam", "Idle Ida", "Pending Pat") if name in html}

    assert names("?status=pending") == {"Pending Pat"}
    assert names("?inactive_days=14") == {"Idle Ida"}
    assert names("?state=not_started") == {"Idle Ida"}
    assert names("?sort=-progress&status=active") == {"Started Sam", "Idle Ida"}
    assert names("?status=nonsense") == {"Started Sam", "Idle Ida", "Pending Pat"}  # bad value ignored


def test_roster_is_paginated(client, trainer, cohort):
    cohort.capacity = None
    cohort.save()
    for number in range(30):
        enrol(cohort, Status.ACTIVE, display_name=f"Trainee {number:02d}")
    client.force_login(trainer)

    html = client.get(url("cohort", cohort.pk) + "?sort=name&page=2").content.decode()

    assert "Trainee 29" in html and "Trainee 00" not in html
    assert "Page 2 of 2" in html
    assert 'href="?sort=name&amp;page=1"' in html  # the filters follow the page links


def test_approve_one_request(client, trainer, cohort, django_capture_on_commit_callbacks):
    pending = enrol(cohort, Status.PENDING, language="fr")
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("enrolment_action", cohort.pk), {"act": f"approve:{pending.pk}"}, follow=True
        )

    assert response.status_code == 200
    assert statuses(pending) == [Status.ACTIVE]
    assert "1 trainee updated." in response.content.decode()
    assert mail.outbox[-1].to == [pending.user.email]


def test_bulk_approve_beyond_capacity_approves_what_fits_and_reports_the_rest(client, trainer, cohort):
    cohort.waitlist = False
    cohort.save()
    enrol(cohort, Status.ACTIVE)
    requests = [enrol(cohort, Status.PENDING, display_name=f"Applicant {n}") for n in range(4)]
    client.force_login(trainer)

    response = client.post(
        url("enrolment_action", cohort.pk),
        {"action": "approve", "enrolments": [r.pk for r in requests]},
        follow=True,
    )

    assert statuses(*requests) == [Status.ACTIVE, Status.ACTIVE, Status.PENDING, Status.PENDING]
    html = response.content.decode()
    assert "2 trainees updated." in html
    assert "Applicant 2: This cohort is full and has no waitlist." in html
    assert Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING).count() == cohort.capacity


def test_bulk_approve_with_a_waitlist_puts_the_rest_on_it(client, trainer, cohort):
    requests = [enrol(cohort, Status.PENDING) for _ in range(5)]
    client.force_login(trainer)

    client.post(
        url("enrolment_action", cohort.pk), {"action": "approve", "enrolments": [r.pk for r in requests]}
    )

    assert statuses(*requests) == [Status.ACTIVE] * 3 + [Status.WAITLISTED] * 2


def test_bulk_reject(client, trainer, cohort):
    requests = [enrol(cohort, Status.PENDING) for _ in range(3)]
    client.force_login(trainer)

    client.post(
        url("enrolment_action", cohort.pk), {"action": "reject", "enrolments": [r.pk for r in requests[:2]]}
    )

    assert statuses(*requests) == [Status.REJECTED, Status.REJECTED, Status.PENDING]


def test_move_from_waitlist_needs_a_free_seat(client, trainer, cohort):
    seated = [enrol(cohort, Status.ACTIVE) for _ in range(3)]
    waiting = enrol(cohort, Status.WAITLISTED)
    client.force_login(trainer)

    client.post(url("enrolment_action", cohort.pk), {"act": f"promote:{waiting.pk}"})
    assert statuses(waiting) == [Status.WAITLISTED]

    Enrolment.objects.filter(pk=seated[0].pk).update(status=Status.WITHDRAWN)
    client.post(url("enrolment_action", cohort.pk), {"act": f"promote:{waiting.pk}"})
    assert statuses(waiting) == [Status.ACTIVE]


def test_withdraw_frees_the_seat_for_the_waitlist(client, trainer, cohort):
    seated = [enrol(cohort, Status.ACTIVE) for _ in range(3)]
    waiting = enrol(cohort, Status.WAITLISTED)
    client.force_login(trainer)

    client.post(url("enrolment_action", cohort.pk), {"action": "withdraw", "enrolments": [seated[0].pk]})

    assert statuses(seated[0], waiting) == [Status.WITHDRAWN, Status.ACTIVE]


def test_an_impossible_change_is_reported_not_applied(client, trainer, cohort):
    active = enrol(cohort, Status.ACTIVE, display_name="Already In")
    client.force_login(trainer)

    response = client.post(url("enrolment_action", cohort.pk), {"act": f"reject:{active.pk}"}, follow=True)

    assert statuses(active) == [Status.ACTIVE]
    assert "Already In: This enrolment cannot change in that way." in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "approve"},
        {"enrolments": ["1"]},
        {"action": "promote-all", "enrolments": ["1"]},
        {"act": "drop:1"},
    ],
)
def test_incomplete_or_unknown_actions_change_nothing(client, trainer, cohort, data):
    pending = enrol(cohort, Status.PENDING)
    data = {key: [str(pending.pk)] if key == "enrolments" else value for key, value in data.items()}
    client.force_login(trainer)

    response = client.post(url("enrolment_action", cohort.pk), data, follow=True)

    assert response.status_code == 200
    assert statuses(pending) == [Status.PENDING]


def test_status_cannot_be_set_through_the_form(client, trainer, cohort):
    pending = enrol(cohort, Status.PENDING)
    client.force_login(trainer)

    client.post(
        url("enrolment_action", cohort.pk),
        {"action": "reject", "enrolments": [pending.pk], "status": "completed", "user": "1"},
    )

    assert statuses(pending) == [Status.REJECTED]
