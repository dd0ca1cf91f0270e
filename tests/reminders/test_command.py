"""`send_due_reminders`, run by cron, sends every reminder due and says how many; run again, nothing."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from learning.models import Enrolment, LiveSession
from reminders.models import SentReminder
from tests.factories import CohortFactory

from .helpers import session_with_trainees, trainee

pytestmark = pytest.mark.django_db


def run(capture, *args) -> str:
    out = io.StringIO()
    with capture(execute=True):
        call_command("send_due_reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due_now():
    """A session starting in 50 minutes for two trainees, and a trainee idle for ten days elsewhere."""
    session_with_trainees(starts_at=timezone.now() + timedelta(minutes=50))
    cohort = CohortFactory(starts_on=timezone.localdate() - timedelta(days=30), remind_inactive_days=7)
    idle = trainee(cohort, email="idle@example.org")
    Enrolment.objects.filter(user=idle).update(status_changed_at=timezone.now() - timedelta(days=10))


def test_the_command_sends_what_is_due_and_the_mail_goes_out(due_now, django_capture_on_commit_callbacks):
    output = run(django_capture_on_commit_callbacks)

    assert "live_session: 2 sent" in output and "inactive_trainee: 1 sent" in output
    assert "3 reminder(s) sent." in output
    assert sorted(message.to[0] for message in mail.outbox) == [
        "farida@example.org",
        "idle@example.org",
        "samuel@example.org",
    ]
    starting = next(message for message in mail.outbox if message.to == ["farida@example.org"])
    assert starting.subject.startswith("Starting soon, at ")

    again = run(django_capture_on_commit_callbacks)
    assert "0 reminder(s) sent." in again and len(mail.outbox) == 3


def test_one_kind_at_a_time(due_now, django_capture_on_commit_callbacks):
    output = run(django_capture_on_commit_callbacks, "--kind", "inactive_trainee")

    assert output.splitlines() == ["inactive_trainee: 1 sent", "1 reminder(s) sent."]
    assert [message.to for message in mail.outbox] == [["idle@example.org"]]


def test_an_unknown_kind_is_refused():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("send_due_reminders", "--kind", "birthdays")


def test_records_of_sessions_long_past_are_deleted_and_inactivity_records_kept(
    due_now, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    # A month later: the session is long over.
    month = timedelta(days=31)
    SentReminder.objects.update(sent_at=F("sent_at") - month)
    LiveSession.objects.update(starts_at=F("starts_at") - month, ends_at=F("ends_at") - month)

    output = run(django_capture_on_commit_callbacks)

    # The idle trainee's record stays: it is what keeps her stretch of inactivity from a second e-mail.
    assert "2 record(s) of reminders past their occasion deleted." in output
    assert list(SentReminder.objects.values_list("kind", flat=True)) == ["inactive_trainee"]
    assert "0 reminder(s) sent." in output and len(mail.outbox) == 3
