"""A worker killed mid-send leaves its e-mail at "sending": after OUTBOX_SENDING_TIMEOUT the sweep queues it
again, exactly once, and a message that keeps killing its worker ends as failed, for staff to see."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

from outbox import services, tasks
from outbox.models import OutgoingEmail

Status = OutgoingEmail.Status
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class KilledWorker(BaseException):
    """What the worker's process sees when it is stopped in the middle of talking to the mail server."""


class KilledMidSendBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise KilledWorker


def stalled(to="amina@example.org", *, minutes=20, attempts=1):
    """A message a worker took `minutes` ago and never finished."""
    return OutgoingEmail.objects.create(
        to=to,
        subject="Welcome",
        body="Your link",
        kind="test",
        status=Status.SENDING,
        attempts=attempts,
        claimed_at=timezone.now() - timedelta(minutes=minutes),
    )


@pytest.mark.django_db
def test_a_worker_killed_mid_send_leaves_the_mail_sending_and_the_sweep_sends_it_once(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.KilledMidSendBackend"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # nothing runs by itself
    email = services.email_send(to="amina@example.org", subject="Welcome", body="Your link", kind="test")
    with pytest.raises(KilledWorker):
        tasks.email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENDING, 1)
    assert email.claimed_at is not None

    # Too early: it may still be on its way.
    assert services.email_requeue_stalled() == []

    settings.MAILERS = LOCMEM
    later = timezone.now() + timedelta(seconds=settings.OUTBOX_SENDING_TIMEOUT + 1)
    assert services.email_requeue_stalled(now=later) == [email.pk]
    assert services.email_requeue_stalled(now=later) == []  # queued again once, not once per sweep
    assert tasks.email_deliver(email_id=email.pk) == Status.SENT
    assert tasks.email_deliver(email_id=email.pk) == "skipped"

    email.refresh_from_db()
    assert (email.status, email.attempts, email.claimed_at) == (Status.SENT, 2, None)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]


@pytest.mark.django_db
def test_the_command_queues_stalled_mail_and_the_queue_delivers_it(
    settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = LOCMEM
    old = stalled("old@example.org", minutes=20)
    recent = stalled("recent@example.org", minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("outbox_requeue", stdout=(out := io.StringIO()))

    assert "1 stalled e-mail(s) queued again." in out.getvalue()
    assert OutgoingEmail.objects.get(pk=old.pk).status == Status.SENT
    assert OutgoingEmail.objects.get(pk=recent.pk).status == Status.SENDING
    assert [m.to for m in mail.outbox] == [["old@example.org"]]


@pytest.mark.django_db
def test_a_mail_that_keeps_killing_its_worker_ends_failed_not_queued_forever(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = stalled(attempts=tasks.MAX_ATTEMPTS)

    assert services.email_requeue_stalled() == []

    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert "stopped" in email.last_error


@pytest.mark.django_db
def test_a_row_from_before_the_claim_time_was_recorded_counts_as_stalled(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = stalled()
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=None)

    assert services.email_requeue_stalled() == [email.pk]
