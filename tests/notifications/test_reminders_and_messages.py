"""Reminders and direct messages reach the notifications centre too: a reminder follows the person's
choice for its kind (only on the site: no e-mail; otherwise its own e-mail at once, never a digest's
repeat), and a message notifies the other person of the conversation."""

from datetime import timedelta

import pytest
from django.core import mail

from network import services as network
from notifications import services
from notifications.models import Delivery, Kind, Notification
from reminders import services as reminders
from tests.factories import UserFactory
from tests.reminders.helpers import START, session_with_trainees

pytestmark = pytest.mark.django_db

DAY_BEFORE = START - timedelta(hours=23)


def send_reminders(capture):
    mail.outbox.clear()
    with capture(execute=True):
        return reminders.reminders_send_due(kind="live_session", now=DAY_BEFORE)["live_session"]


def test_a_session_reminder_is_in_the_centre_and_e_mailed_once(django_capture_on_commit_callbacks):
    session, trainees = session_with_trainees()

    assert send_reminders(django_capture_on_commit_callbacks) == 2

    notification = Notification.objects.get(recipient=trainees["kabul"])
    assert notification.kind == Kind.SESSION_REMINDER
    assert notification.snapshot == "Meeting the city council"
    assert notification.target_page_id == session.cohort.course.pk
    assert notification.emailed_at is not None  # so the digest never repeats it
    assert len([m for m in mail.outbox if m.to == [trainees["kabul"].email]]) == 1


@pytest.mark.parametrize("chosen", [Delivery.SITE, Delivery.DIGEST])
def test_a_reminder_follows_the_persons_choice_for_its_kind(django_capture_on_commit_callbacks, chosen):
    _session, trainees = session_with_trainees()
    services.preferences_save(user=trainees["kabul"], deliveries={Kind.SESSION_REMINDER: chosen})

    send_reminders(django_capture_on_commit_callbacks)

    to_kabul = [m for m in mail.outbox if m.to == [trainees["kabul"].email]]
    # Only on the site: no e-mail. A digest cannot remind of a session in time: e-mailed at once.
    assert len(to_kabul) == (0 if chosen == Delivery.SITE else 1)
    assert Notification.objects.filter(recipient=trainees["kabul"], kind=Kind.SESSION_REMINDER).count() == 1
    assert len([m for m in mail.outbox if m.to == [trainees["toronto"].email]]) == 1


def test_a_message_notifies_the_other_person(django_capture_on_commit_callbacks):
    yusuf, amina = UserFactory(display_name="Yusuf"), UserFactory(display_name="Amina")
    network.profile_update(user=amina, listed=True, shown={}, languages=["en"], topics=[], themes=[], bio="")

    with django_capture_on_commit_callbacks(execute=True):
        message = network.conversation_start(sender=yusuf, recipient=amina, body="Hello", rate_limited=False)

    notification = Notification.objects.get()
    assert (notification.recipient, notification.actor, notification.kind) == (amina, yusuf, Kind.MESSAGE)
    assert notification.target_path == message.get_absolute_url().removeprefix("/en")  # any language
    assert "Hello" not in notification.snapshot  # the centre never repeats what people wrote

    with django_capture_on_commit_callbacks(execute=True):
        network.message_send(conversation=message.conversation, sender=amina, body="Hi!", rate_limited=False)
    assert Notification.objects.filter(recipient=yusuf, kind=Kind.MESSAGE).count() == 1
