"""Reminders wake up at their time through django.tasks: with a queue that can wait (django-tasks-db), a
session's creation or change queues a task for each reminder's time; the task re-reads the session when
it runs, so a moved or deleted session's old tasks send nothing. The inline queue of development cannot
wait: it sends at once only what is due already, and leaves the rest to `send_due_reminders`."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from learning.admin_forms import LiveSessionAdminForm
from learning.workspace import services as workspace_services
from reminders.tasks import send_reminders_for
from tests.workspace.conftest import make_trainer, url

from .helpers import mail_to, session_with_trainees, trainee

pytestmark = pytest.mark.django_db

TASK = "reminders.tasks.send_reminders_for"


@pytest.fixture
def waiting_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def planned():
    return sorted(
        (row.run_after, row.args_kwargs["kwargs"]["object_id"])
        for row in DBTaskResult.objects.filter(task_path=TASK, status="READY")
    )


def run_queued_now():
    """What a worker does with every reminder task whose time has come (its run_after passed)."""
    for row in DBTaskResult.objects.filter(task_path=TASK, status="READY", run_after__lte=timezone.now()):
        send_reminders_for.call(**row.args_kwargs["kwargs"])
        row.delete()


def session_data(starts_at: datetime, **changes) -> dict:
    return {
        "title": "Meeting the city council",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=1),
        "time_zone": "Europe/Brussels",
        "location": "",
        "online_url": "",
        **changes,
    }


def test_a_new_session_queues_a_task_at_each_reminders_time(
    waiting_queue, django_capture_on_commit_callbacks
):
    cohort = session_with_trainees()[0].cohort
    starts = (timezone.now() + timedelta(days=3)).replace(microsecond=0)

    with django_capture_on_commit_callbacks(execute=True):
        session = workspace_services.session_create(cohort=cohort, data=session_data(starts))

    assert planned() == [
        (starts - timedelta(hours=24), session.pk),
        (starts - timedelta(hours=1), session.pk),
    ]
    run_queued_now()  # nothing is due yet
    assert mail.outbox == []


def test_moving_a_session_plans_the_new_times_and_the_old_task_sends_nothing(
    waiting_queue, django_capture_on_commit_callbacks
):
    old_start = timezone.now() + timedelta(hours=23, minutes=30)  # its day-before reminder is due
    session, _trainees = session_with_trainees(starts_at=old_start)
    new_start = (timezone.now() + timedelta(days=5)).replace(second=0, microsecond=0)

    # The trainer moves it in the Wagtail admin, through the same service as the workspace.
    form = LiveSessionAdminForm(
        data={
            "cohort": session.cohort_id,
            "title": session.title,
            "starts_at": new_start.astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
            "ends_at": (new_start + timedelta(hours=1)).astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
            "time_zone": "UTC",
        },
        instance=session,
    )
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        form.save()

    # The task queued for the old time still runs then: it finds the session at its new time, not due.
    assert send_reminders_for.call(kind="live_session", object_id=session.pk) == 0
    assert mail.outbox == []
    assert [when for when, _pk in planned()] == [
        new_start - timedelta(hours=24),
        new_start - timedelta(hours=1),
    ]


def test_the_same_task_sends_when_the_session_stayed_at_its_time(django_capture_on_commit_callbacks):
    # The control of the test above: unmoved, the task run at that moment sends to both trainees.
    session, _trainees = session_with_trainees(starts_at=timezone.now() + timedelta(hours=23, minutes=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders_for.call(kind="live_session", object_id=session.pk) == 2
    assert len(mail.outbox) == 2


def test_a_deleted_session_leaves_its_tasks_nothing_to_send(
    waiting_queue, django_capture_on_commit_callbacks
):
    session, _trainees = session_with_trainees(starts_at=timezone.now() + timedelta(minutes=40))
    session_pk = session.pk
    session.delete()  # the admin's delete: the session is cancelled

    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders_for.call(kind="live_session", object_id=session_pk) == 0
    assert mail.outbox == []


def test_a_session_planned_within_a_reminders_window_is_reminded_of_at_once(
    django_capture_on_commit_callbacks,
):
    # The inline queue (development, tests): what is due goes straight away, the rest is left to cron.
    cohort = session_with_trainees(starts_at=datetime(2031, 1, 15, 10, 0, tzinfo=UTC))[0].cohort
    soon = timezone.now() + timedelta(minutes=40)

    with django_capture_on_commit_callbacks(execute=True):
        workspace_services.session_create(cohort=cohort, data=session_data(soon, title="Short notice"))
        workspace_services.session_create(
            cohort=cohort, data=session_data(soon + timedelta(days=3), title="Next week")
        )

    assert [message.subject.split(": ", 1)[1] for message in mail_to("farida@example.org")] == [
        "Short notice"
    ]
    assert not DBTaskResult.objects.exists()


def test_the_trainers_session_form_plans_reminders(client, waiting_queue, django_capture_on_commit_callbacks):
    session, _trainees = session_with_trainees()
    teacher = make_trainer()
    session.cohort.trainers.add(teacher)
    trainee(session.cohort, email="late@example.org")
    client.force_login(teacher)
    starts = (timezone.now() + timedelta(days=2)).astimezone(UTC)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("session_create", session.cohort.pk),
            {
                "title": "Planned from the workspace",
                "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (starts + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
                "time_zone": "UTC",
            },
        )

    assert response.status_code == 302
    created = session.cohort.sessions.get(title="Planned from the workspace")
    assert [when for when, pk in planned() if pk == created.pk] == [
        created.starts_at - timedelta(hours=24),
        created.starts_at - timedelta(hours=1),
    ]


def test_renaming_a_session_plans_nothing_new(waiting_queue, django_capture_on_commit_callbacks):
    session, _trainees = session_with_trainees(starts_at=timezone.now() + timedelta(days=4))

    with django_capture_on_commit_callbacks(execute=True):
        workspace_services.session_update(
            session=session, data={"title": "Renamed", "starts_at": session.starts_at}
        )

    assert planned() == []


def test_a_task_of_a_kind_that_no_longer_exists_does_nothing():
    assert send_reminders_for.call(kind="retired_kind", object_id=1) == 0
