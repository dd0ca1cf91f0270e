"""The other side of a pairing hears of a check-in: the mentor city when its mentee city records one, the
team when the mentor comments (and the mentor when the team answers), in the notifications centre and by
e-mail as each person chose."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Delivery, Kind, Notification
from notifications.services import preferences_save
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentored(team):
    """Lisbon (Ana and Joana) mentors Gdańsk (Marta and Piotr), whose plan is final: its 3-month
    check-in is open."""
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    joana = f.member(team["lisbon"], display_name="Joana", language="pt")
    return {**team, "joana": joana, "checkin": finalise(team["plan"], team["marta"])}


def _url(checkin, name="checkin"):
    return reverse(f"toolkits:{name}", kwargs={"public_id": checkin.plan.public_id, "months": checkin.months})


def _submit(client, m):
    client.force_login(m["marta"])
    response = client.post(_url(m["checkin"]), form_data(m["plan"]))
    assert response.status_code == 302
    m["checkin"].refresh_from_db()


def _told(person) -> list[str]:
    return list(Notification.objects.filter(recipient=person).values_list("kind", flat=True))


def _mails(person) -> list:
    return [message for message in mail.outbox if message.to == [person.email]]


def test_the_mentor_city_hears_when_its_mentee_records_a_check_in(client, mentored):
    m = mentored
    mail.outbox.clear()

    _submit(client, m)

    for mentor in (m["ana"], m["joana"]):
        assert _told(mentor) == [Kind.CHECKIN_SUBMITTED]
        assert len(_mails(mentor)) == 1 and "List-Unsubscribe" in _mails(mentor)[0].extra_headers
    notification = Notification.objects.get(recipient=m["ana"])
    assert notification.actor == m["marta"] and notification.snapshot == m["plan"].title
    assert "Marta recorded a check-in" in _mails(m["ana"])[0].subject
    # Nobody of the team, nor the other cities, is told: the team knows, the others may not read it.
    assert _told(m["marta"]) == _told(m["piotr"]) == _told(m["uwe"]) == []


def test_the_notification_opens_the_check_in_page_for_the_mentor(client, mentored):
    m = mentored
    _submit(client, m)
    notification = Notification.objects.get(recipient=m["ana"])
    client.force_login(m["ana"])

    response = client.get(reverse("notifications:open", args=[notification.pk]), follow=True)

    assert response.redirect_chain[-1][0] == "/en" + _url(m["checkin"]).removeprefix("/en")
    assert response.status_code == 200 and "Action 0" in response.content.decode()


def test_a_corrected_check_in_does_not_tell_the_mentor_again(client, mentored):
    m = mentored
    _submit(client, m)
    _submit(client, m)

    assert _told(m["ana"]) == [Kind.CHECKIN_SUBMITTED]


def test_a_mentor_comment_tells_the_team_and_the_teams_answer_tells_the_mentor(client, mentored):
    m = mentored
    _submit(client, m)
    Notification.objects.all().delete()
    mail.outbox.clear()

    client.force_login(m["ana"])
    client.post(_url(m["checkin"], "checkin_comment"), {"body": "Good progress on the council."})

    assert _told(m["marta"]) == _told(m["piotr"]) == [Kind.CHECKIN_COMMENT]
    assert _told(m["ana"]) == _told(m["joana"]) == _told(m["uwe"]) == []
    assert "Ana commented on the check-in" in _mails(m["piotr"])[0].subject

    client.force_login(m["piotr"])
    client.post(_url(m["checkin"], "checkin_comment"), {"body": "Thank you, more next time."})

    assert _told(m["ana"]) == _told(m["joana"]) == [Kind.CHECKIN_COMMENT]
    assert _told(m["marta"]) == [Kind.CHECKIN_COMMENT]  # not told of her own colleague's words


def test_each_person_chooses_how_they_hear_of_check_ins(client, mentored):
    m = mentored
    preferences_save(user=m["ana"], deliveries={Kind.CHECKIN_SUBMITTED: Delivery.SITE})
    mail.outbox.clear()

    _submit(client, m)

    assert _told(m["ana"]) == [Kind.CHECKIN_SUBMITTED] and _mails(m["ana"]) == []
    assert len(_mails(m["joana"])) == 1  # the default: at once
    client.force_login(m["ana"])
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Your mentee city records a check-in" in page and "A comment on a check-in" in page


def test_a_closed_account_is_not_told(client, mentored):
    m = mentored
    m["joana"].is_active = False
    m["joana"].save(update_fields=["is_active"])

    _submit(client, m)

    assert _told(m["joana"]) == [] and _told(m["ana"]) == [Kind.CHECKIN_SUBMITTED]
