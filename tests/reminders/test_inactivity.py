"""A cohort's trainers choose to remind trainees inactive for N days: the daily check sends one reminder
to each active trainee with no progress for that long, and another only after they were active again and
then inactive for N days again."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learning import services as learning_services
from learning.models import Enrolment
from reminders.models import SentReminder
from tests.factories import CohortFactory, lessons_of

from .helpers import Status, mail_to, send_due, trainee

pytestmark = pytest.mark.django_db


def quiet_for(user, days: float, *, now=None) -> Enrolment:
    """The trainee's last activity (and the day they got their seat) `days` ago."""
    enrolment = Enrolment.objects.get(user=user)
    then = (now or timezone.now()) - timedelta(days=days)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=then, status_changed_at=then - timedelta(days=1)
    )
    return enrolment


@pytest.fixture
def cohort():
    today = timezone.localdate()
    return CohortFactory(
        title="Lisbon autumn cohort", starts_on=today - timedelta(days=60), remind_inactive_days=7
    )


def inactive_sent(capture, now=None) -> int:
    return send_due(capture, kind="inactive_trainee", now=now)["inactive_trainee"]


def test_a_trainee_inactive_for_the_cohorts_days_gets_one_reminder(
    cohort, django_capture_on_commit_callbacks
):
    quiet = trainee(cohort, email="quiet@example.org")
    busy = trainee(cohort, email="busy@example.org")
    quiet_for(quiet, 8)
    quiet_for(busy, 2)

    assert inactive_sent(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.to == ["quiet@example.org"]
    assert message.subject == f"Your course is waiting for you: {cohort.course.title}"
    assert "for 7 days" in message.body and "Lisbon autumn cohort" in message.body
    assert cohort.course.url_path.split("/")[-2] in message.body
    # The next days' checks find it sent.
    assert inactive_sent(django_capture_on_commit_callbacks) == 0
    assert inactive_sent(django_capture_on_commit_callbacks, now=timezone.now() + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_reminded_again_only_after_being_active_and_inactive_again(
    cohort, django_capture_on_commit_callbacks
):
    person = trainee(cohort, email="quiet@example.org")
    enrolment = quiet_for(person, 10)
    assert inactive_sent(django_capture_on_commit_callbacks) == 1

    learning_services.lesson_complete(
        enrolment=enrolment, lesson=lessons_of(cohort.course)[0]
    )  # active again

    assert inactive_sent(django_capture_on_commit_callbacks) == 0
    assert inactive_sent(django_capture_on_commit_callbacks, now=timezone.now() + timedelta(days=6)) == 0
    assert (
        inactive_sent(django_capture_on_commit_callbacks, now=timezone.now() + timedelta(days=7, hours=1))
        == 1
    )
    assert len(mail_to("quiet@example.org")) == 2
    assert SentReminder.objects.filter(person=person, kind="inactive_trainee").count() == 2


def test_who_is_not_reminded(cohort, django_capture_on_commit_callbacks):
    for status in (Status.WITHDRAWN, Status.WAITLISTED, Status.PENDING, Status.COMPLETED, Status.REJECTED):
        quiet_for(trainee(cohort, status=status, email=f"{status}@example.org"), 30)
    quiet_for(trainee(cohort, email="left@example.org", is_active=False), 30)
    # Just got their seat, never active yet: the days count from the seat.
    trainee(cohort, email="new@example.org")
    # Cohorts that did not ask, have not started or are over.
    today = timezone.localdate()
    for email, fields in {
        "unasked@example.org": {"remind_inactive_days": None, "starts_on": today - timedelta(days=60)},
        "early@example.org": {"remind_inactive_days": 7, "starts_on": today + timedelta(days=3)},
        "over@example.org": {
            "remind_inactive_days": 7,
            "starts_on": today - timedelta(days=90),
            "ends_on": today - timedelta(days=1),
        },
    }.items():
        quiet_for(trainee(CohortFactory(**fields), email=email), 30)

    assert inactive_sent(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_days_count_from_the_cohorts_first_day(django_capture_on_commit_callbacks):
    # Enrolled a month before the cohort began five days ago: not inactive yet, until day 7 of the cohort.
    started = CohortFactory(starts_on=timezone.localdate() - timedelta(days=5), remind_inactive_days=7)
    quiet_for(trainee(started, email="early-bird@example.org"), 35)

    assert inactive_sent(django_capture_on_commit_callbacks) == 0
    assert inactive_sent(django_capture_on_commit_callbacks, now=timezone.now() + timedelta(days=3)) == 1


def test_each_cohort_counts_its_own_days(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    weekly = CohortFactory(starts_on=today - timedelta(days=60), remind_inactive_days=7)
    monthly = CohortFactory(starts_on=today - timedelta(days=60), remind_inactive_days=30)
    quiet_for(trainee(weekly, email="weekly@example.org"), 10)
    quiet_for(trainee(monthly, email="monthly@example.org"), 10)
    quiet_for(trainee(monthly, email="monthly-long@example.org"), 31)

    assert inactive_sent(django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["monthly-long@example.org", "weekly@example.org"]
    assert "for 30 days" in mail_to("monthly-long@example.org")[0].body


def test_an_arabic_trainee_is_reminded_in_arabic(cohort, django_capture_on_commit_callbacks):
    quiet_for(trainee(cohort, email="amal@example.org", language="ar"), 8)

    inactive_sent(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert "مرحبًا" in message.body and "/ar/learning/" in message.body
