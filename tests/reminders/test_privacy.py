"""The reminders sent to a person are part of their data: exported, and gone with their account."""

from datetime import timedelta

import pytest

from accounts import services as account_services
from reminders.models import SentReminder

from .helpers import START, send_due, session_with_trainees

pytestmark = pytest.mark.django_db


def test_reminders_sent_are_exported_and_erased_with_the_account(django_capture_on_commit_callbacks):
    session, trainees = session_with_trainees()
    send_due(django_capture_on_commit_callbacks, now=START - timedelta(hours=24))
    farida = trainees["kabul"]

    exported = account_services.user_data_export(user=farida)["reminders"]["reminders_sent"]
    assert exported == [
        {
            "kind": "live_session",
            "about": session.pk,
            "occasion": "24h@20310115T1000Z",
            "sent": SentReminder.objects.get(person=farida).sent_at.isoformat(),
        }
    ]

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=farida)

    assert list(SentReminder.objects.values_list("person", flat=True)) == [trainees["toronto"].pk]
