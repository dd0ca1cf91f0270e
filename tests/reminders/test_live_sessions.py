"""A day and an hour before a live session, each trainee of its cohort is reminded by e-mail, in their
language, with the time in their own zone and in the session's; once per reminder, never late."""

from datetime import timedelta

import pytest
from django.core import mail

from outbox.models import OutgoingEmail
from reminders import services
from reminders.models import SentReminder
from tests.factories import CohortFactory, LiveSessionFactory

from .helpers import START, Status, mail_to, send_due, session_with_trainees, trainee

pytestmark = pytest.mark.django_db

DAY_BEFORE = START - timedelta(hours=24)
HOUR_BEFORE = START - timedelta(hours=1)


def test_a_day_before_each_trainee_reads_the_time_in_their_zone_and_the_sessions(
    django_capture_on_commit_callbacks,
):
    session, _trainees = session_with_trainees(
        location="Town hall, room 4", online_url="https://meet.example.org/council"
    )

    sent = send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)

    assert sent["live_session"] == 2
    (kabul,) = mail_to("farida@example.org")
    assert "Wednesday 15 January 2031, 14:30 to 16:00, Kabul time" in kabul.body
    assert "Where the session is held: Wednesday 15 January 2031, 11:00 to 12:30, Brussels time" in kabul.body
    assert kabul.subject == "Live session on Wednesday at 14:30: Meeting the city council"
    (toronto,) = mail_to("samuel@example.org")
    assert "Wednesday 15 January 2031, 05:00 to 06:30, Toronto time" in toronto.body
    assert "11:00 to 12:30, Brussels time" in toronto.body
    for message in (kabul, toronto):
        assert "Place: Town hall, room 4" in message.body
        assert "Join online: https://meet.example.org/council" in message.body
        assert session.cohort.course.url_path.split("/")[-2] in message.body  # the course's link
        assert f"/learning/sessions/{session.uid}.ics" in message.body


def test_someone_without_a_time_zone_reads_the_sessions_and_is_told_where_to_set_theirs(
    django_capture_on_commit_callbacks,
):
    session, _trainees = session_with_trainees()
    trainee(session.cohort, email="noor@example.org", time_zone="")

    send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)

    (message,) = mail_to("noor@example.org")
    assert "When: Wednesday 15 January 2031, 11:00 to 12:30, Brussels time" in message.body
    assert "Where the session is held" not in message.body
    assert (
        "Choose your time zone in your profile to see the times in yours: http://" in message.body
        and "/profile/" in message.body
    )


def test_an_arabic_reader_gets_the_reminder_written_in_arabic(django_capture_on_commit_callbacks):
    session, _trainees = session_with_trainees()
    trainee(session.cohort, email="amal@example.org", language="ar", time_zone="Asia/Kabul")

    send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)

    (message,) = mail_to("amal@example.org")
    # Dates in Arabic (month and weekday names, Arabic's clock): the language was active while writing.
    assert "يناير" in message.body and "الأربعاء" in message.body
    assert "2:30 م" in message.subject
    assert "مرحبًا" in message.body  # the greeting, already translated
    html = message.alternatives[0][0]
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    # The English reader's message of the same run stays in English.
    assert "Wednesday" in mail_to("farida@example.org")[0].body


def test_only_trainees_who_hold_a_seat_are_reminded(django_capture_on_commit_callbacks):
    session, _trainees = session_with_trainees()
    trainee(session.cohort, status=Status.COMPLETED, email="done@example.org")
    for status in (Status.WITHDRAWN, Status.WAITLISTED, Status.PENDING, Status.REJECTED):
        trainee(session.cohort, status=status, email=f"{status}@example.org")
    trainee(session.cohort, email="gone@example.org", is_active=False)
    elsewhere = LiveSessionFactory(starts_at=START + timedelta(days=30))  # another cohort, another day
    trainee(elsewhere.cohort, email="elsewhere@example.org")
    trainee(CohortFactory(course=session.cohort.course), email="other-cohort@example.org")

    send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "done@example.org",
        "farida@example.org",
        "samuel@example.org",
    ]


def test_a_day_before_and_an_hour_before_each_once(django_capture_on_commit_callbacks):
    session_with_trainees()

    assert send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)["live_session"] == 2
    # Every later run within the day-before window finds it sent.
    assert (
        send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE + timedelta(hours=3))["live_session"] == 0
    )
    assert send_due(django_capture_on_commit_callbacks, now=HOUR_BEFORE)["live_session"] == 2
    assert (
        send_due(django_capture_on_commit_callbacks, now=START - timedelta(minutes=20))["live_session"] == 0
    )

    subjects = [message.subject for message in mail_to("farida@example.org")]
    assert subjects == [
        "Live session on Wednesday at 14:30: Meeting the city council",
        "Starting soon, at 14:30: Meeting the city council",
    ]
    assert SentReminder.objects.count() == 4
    assert OutgoingEmail.objects.filter(kind="reminders/live_session").count() == 4


def test_a_reminder_whose_window_has_passed_is_not_sent_late(django_capture_on_commit_callbacks):
    session_with_trainees()

    # The server was down from two days before until thirteen hours after the day-before reminder.
    assert (
        send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE + timedelta(hours=13))["live_session"]
        == 0
    )
    # ... and once the session started, nothing more is sent about it.
    assert send_due(django_capture_on_commit_callbacks, now=START + timedelta(minutes=5))["live_session"] == 0
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_a_session_planned_at_short_notice_gets_the_reminders_still_useful(
    django_capture_on_commit_callbacks,
):
    session_with_trainees()

    # Planned three hours ahead: the day-before reminder is long past its window, the hour-before not yet due.
    assert send_due(django_capture_on_commit_callbacks, now=START - timedelta(hours=3))["live_session"] == 0
    # Planned twenty hours ahead: the day-before reminder is still useful, and goes at once.
    assert send_due(django_capture_on_commit_callbacks, now=START - timedelta(hours=20))["live_session"] == 2


def test_a_session_moved_to_another_time_is_reminded_of_again_at_its_new_time(
    django_capture_on_commit_callbacks,
):
    session, _trainees = session_with_trainees()
    send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)
    later = START + timedelta(days=7)
    session.starts_at, session.ends_at = later, later + timedelta(hours=1)
    session.save()

    assert (
        send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE + timedelta(hours=1))["live_session"] == 0
    )
    assert send_due(django_capture_on_commit_callbacks, now=later - timedelta(hours=24))["live_session"] == 2
    assert "22 January 2031" in mail_to("farida@example.org")[-1].body


def test_a_course_without_an_address_sends_the_trainee_to_their_courses(django_capture_on_commit_callbacks):
    session, _trainees = session_with_trainees()
    session.cohort.course.unpublish()

    send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)

    (message,) = mail_to("farida@example.org")
    assert "The course: http://" in message.body and "/learning/\n" in message.body


def test_a_reminder_that_fails_is_not_recorded_and_the_others_still_go(
    monkeypatch, django_capture_on_commit_callbacks
):
    session_with_trainees()
    real_email_send = services.email_send

    def refuse_one(**message):
        if message["to"] == "farida@example.org":
            raise ValueError("a broken address")
        return real_email_send(**message)

    monkeypatch.setattr(services, "email_send", refuse_one)
    assert send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE)["live_session"] == 1
    assert [message.to for message in mail.outbox] == [["samuel@example.org"]]

    # Nothing recorded for her: the next run, once the fault is mended, sends hers.
    monkeypatch.setattr(services, "email_send", real_email_send)
    assert (
        send_due(django_capture_on_commit_callbacks, now=DAY_BEFORE + timedelta(minutes=10))["live_session"]
        == 1
    )
    assert len(mail_to("farida@example.org")) == 1
