"""A person's notifications and choices are in their data export and go with their account; as the one
who acted, they become "a former member" in other people's notifications."""

import pytest

from accounts.services import user_data_export, user_erase
from notifications import privacy
from notifications.models import Delivery, Kind, Notification, Preference
from notifications.sentences import sentence
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_export_holds_the_persons_notifications_and_choices_only():
    person, other = UserFactory(), UserFactory()
    Notification.objects.create(recipient=person, kind=Kind.MENTION, snapshot="canary-mine")
    Notification.objects.create(recipient=other, kind=Kind.MENTION, snapshot="canary-theirs")
    Preference.objects.create(user=person, kind=Kind.REPLY, delivery=Delivery.SITE)
    data = privacy.export_user_data(person)
    assert [n["about"] for n in data["notifications"]] == ["canary-mine"]
    assert data["notification_preferences"] == {"reply": "site"}
    assert "canary-theirs" not in str(data)
    assert "canary-mine" in str(user_data_export(user=person)["notifications"])  # through the registry


def test_erasure_deletes_them_and_unsets_the_person_as_actor():
    person, other = UserFactory(display_name="Canary Name"), UserFactory()
    Notification.objects.create(recipient=person, kind=Kind.MENTION, snapshot="x")
    Preference.objects.create(user=person, kind=Kind.REPLY, delivery=Delivery.SITE)
    theirs = Notification.objects.create(recipient=other, kind=Kind.REPLY, actor=person, snapshot="Week 1")
    user_erase(user=person)
    assert not Notification.objects.filter(recipient_id=person.pk).exists()
    assert not Preference.objects.filter(user_id=person.pk).exists()
    theirs.refresh_from_db()
    assert theirs.actor is None and "Canary Name" not in sentence(theirs)
    assert sentence(theirs).startswith("A former member")
