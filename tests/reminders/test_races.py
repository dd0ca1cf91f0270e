"""Two workers finding the same reminders due at once (a task at its time and cron's command, or two
cron hosts) send each reminder once: the unique SentReminder row decides, on PostgreSQL's real locks."""

from datetime import timedelta

from django.utils import timezone

from outbox.models import OutgoingEmail
from reminders import services
from reminders.models import SentReminder
from tests.races import RACE, in_parallel

from .helpers import session_with_trainees, trainee

pytestmark = RACE


def test_two_workers_at_once_remind_each_trainee_once(race_course):
    session, _trainees = session_with_trainees(starts_at=timezone.now() + timedelta(minutes=45))
    session.cohort.course = race_course
    session.cohort.save()
    for number in range(4):
        trainee(session.cohort, email=f"trainee{number}@example.org")

    results = in_parallel(4, lambda i: services.reminders_send_due(kind="live_session")["live_session"])

    assert sum(results) == 6
    assert SentReminder.objects.count() == 6
    assert OutgoingEmail.objects.filter(kind="reminders/live_session").count() == 6
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == sorted(
        set(OutgoingEmail.objects.values_list("to", flat=True))
    )
