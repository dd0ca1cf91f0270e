"""A mentee city's team is reminded of a check-in it has not sent: two weeks before it is due and on
the day it falls due, each member once per occasion, never once it is submitted, never weeks late."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reminders import services as reminders
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data
from toolkits.models import CheckIn

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkin(team):
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    return finalise(team["plan"], team["marta"], open_first=False)


def due_in(checkin, days: int) -> CheckIn:
    CheckIn.objects.filter(pk=checkin.pk).update(due_on=timezone.localdate() + timedelta(days=days))
    checkin.refresh_from_db()
    return checkin


def send() -> int:
    mail.outbox.clear()
    return reminders.reminders_send_due(kind="checkin_due")["checkin_due"]


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_two_weeks_before_it_is_due_every_member_of_the_mentee_city_is_reminded_once(team, checkin):
    due_in(checkin, 10)

    assert send() == 2
    assert recipients() == {team["marta"].email, team["piotr"].email}  # not Lisbon's Ana, not Dresden
    message = next(m for m in mail.outbox if m.to == [team["marta"].email])
    assert "3-month check-in" in message.body and "City of Lisbon" in message.body
    assert reverse("toolkits:checkin", args=[checkin.plan.public_id, 3]) in message.body

    assert send() == 0 and mail.outbox == []


def test_on_the_due_day_the_team_is_reminded_again_and_not_after_two_weeks_late(team, checkin):
    due_in(checkin, 10)
    send()

    due_in(checkin, 0)
    assert send() == 2
    assert "is due" in mail.outbox[0].subject

    due_in(checkin, -20)  # a new due date, but its windows closed long ago: never sent late
    assert send() == 0


def test_a_submitted_check_in_is_not_reminded_of(team, checkin):
    due_in(checkin, 3)
    client = Client()
    client.force_login(team["marta"])
    response = client.post(
        reverse("toolkits:checkin", args=[checkin.plan.public_id, 3]), form_data(checkin.plan)
    )
    assert response.status_code == 302
    assert CheckIn.objects.get(pk=checkin.pk).is_submitted

    assert send() == 0


def test_a_check_in_months_away_is_not_reminded_of_yet(checkin):
    due_in(checkin, 40)

    assert send() == 0
