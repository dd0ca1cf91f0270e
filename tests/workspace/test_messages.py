"""Messages to the whole cohort or a group of it: e-mailed in each trainee's language and logged."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learning.models import Enrolment
from learning.workspace.models import CohortMessage

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


def test_reminder_to_inactive_trainees_reaches_only_them(
    client, trainer, cohort, django_capture_on_commit_callbacks
):
    idle = enrol(cohort, Status.ACTIVE, language="fr", display_name="Idle")
    Enrolment.objects.filter(pk=idle.pk).update(
        created_at=timezone.now() - timedelta(days=30), last_activity_at=timezone.now() - timedelta(days=20)
    )
    busy = enrol(cohort, Status.ACTIVE)
    Enrolment.objects.filter(pk=busy.pk).update(last_activity_at=timezone.now())
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("message_create", cohort.pk),
            {"audience": "inactive", "subject": "We miss you", "body": "Lesson 2 is waiting for you."},
            follow=True,
        )

    assert [m.to for m in mail.outbox] == [[idle.user.email]]
    assert "Lesson 2 is waiting for you." in mail.outbox[0].body
    assert "Bonjour Idle" in mail.outbox[0].body  # the greeting in the trainee's language
    message = CohortMessage.objects.get(cohort=cohort)
    assert message.recipient_count == 1 and list(message.recipients.all()) == [idle.user]
    assert "We miss you" in response.content.decode()  # listed on the cohort page


def test_message_to_everyone_skips_requests_and_withdrawn(
    client, trainer, cohort, django_capture_on_commit_callbacks
):
    learners = [enrol(cohort, Status.ACTIVE), enrol(cohort, Status.COMPLETED)]
    enrol(cohort, Status.PENDING)
    enrol(cohort, Status.WITHDRAWN)
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("message_create", cohort.pk), {"audience": "all", "subject": "News", "body": "Hello"})

    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.user.email for e in learners)


def test_empty_message_answers_422(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        url("message_create", cohort.pk), {"audience": "all", "subject": "Kept", "body": ""}
    )
    assert response.status_code == 422 and 'value="Kept"' in response.content.decode()
    assert not CohortMessage.objects.exists()
