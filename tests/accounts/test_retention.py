"""`manage.py retention`: unverified accounts go after RETENTION_UNVERIFIED_DAYS; accounts idle for
RETENTION_INACTIVE_YEARS are warned by e-mail, then removed unless their owner signs in. Idempotent,
with a dry run, and through the same erasure as "delete my account"."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import services
from accounts.models import User
from learning.models import Enrolment
from outbox.models import OutgoingEmail
from tests.factories import EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(days):
    return NOW - timedelta(days=days)


def person(*, joined_days_ago=2000, login_days_ago=None, verified=True, **fields):
    user = UserFactory(verified=verified, **fields)
    User.objects.filter(pk=user.pk).update(
        date_joined=days_ago(joined_days_ago),
        last_login=days_ago(login_days_ago) if login_days_ago is not None else None,
    )
    return User.objects.get(pk=user.pk)


def run(**options):
    out = io.StringIO()
    call_command("retention", stdout=out, **options)
    return out.getvalue()


def test_unverified_accounts_go_after_the_grace_period_and_new_ones_stay():
    old = person(joined_days_ago=31, verified=False)
    new = person(joined_days_ago=5, verified=False)
    active = person(joined_days_ago=31, login_days_ago=1)

    output = run()

    assert "1 unverified accounts were removed" in output and old.email in output
    assert set(User.objects.values_list("pk", flat=True)) == {new.pk, active.pk}


def test_the_dry_run_lists_and_changes_nothing():
    old = person(joined_days_ago=31, verified=False)
    idle = person(login_days_ago=4 * 365)

    output = run(dry_run=True)

    assert "1 unverified accounts would be removed" in output and old.email in output
    assert "1 inactive accounts would be warned" in output and idle.email in output
    assert User.objects.count() == 2 and mail.outbox == [] and not OutgoingEmail.objects.exists()
    assert User.objects.get(pk=idle.pk).retention_warned_at is None


def test_an_inactive_account_is_warned_once_in_its_language_then_removed_through_the_erasure(
    settings, django_capture_on_commit_callbacks
):
    idle = person(login_days_ago=4 * 365, language="fr")
    EnrolmentFactory(user=idle)
    recent = person(login_days_ago=300)

    with django_capture_on_commit_callbacks(execute=True):
        first = services.retention_run(now=NOW)
        again = services.retention_run(now=NOW + timedelta(hours=1))

    assert first.warned == [idle.email] and again.warned == []  # one warning, however often cron runs
    assert first.inactive_removed == again.inactive_removed == []
    assert [m.to for m in mail.outbox] == [[idle.email]]
    assert "https://" in mail.outbox[0].body or "http://" in mail.outbox[0].body
    assert User.objects.filter(pk=idle.pk).exists()

    later = NOW + timedelta(days=settings.RETENTION_WARNING_DAYS + 1)
    removed = services.retention_run(now=later)

    assert removed.inactive_removed == [idle.email]
    assert not User.objects.filter(pk=idle.pk).exists()
    assert not Enrolment.objects.filter(user_id=idle.pk).exists()
    # The erasure path removed the mails to that address too (outbox/privacy.py), the warning included.
    assert not OutgoingEmail.objects.filter(to=idle.email).exists()
    assert User.objects.filter(pk=recent.pk).exists()


def test_signing_in_after_the_warning_keeps_the_account(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    idle = person(login_days_ago=4 * 365)
    services.retention_run(now=NOW)
    User.objects.filter(pk=idle.pk).update(last_login=NOW + timedelta(days=3))

    later = services.retention_run(now=NOW + timedelta(days=settings.RETENTION_WARNING_DAYS + 1))

    assert later.inactive_removed == [] and later.warned == []
    assert User.objects.filter(pk=idle.pk).exists()


def test_staff_accounts_are_never_removed_by_it():
    person(login_days_ago=10 * 365, is_staff=True)
    person(joined_days_ago=400, verified=False, is_superuser=True, is_staff=True)

    report = services.retention_run(now=NOW)

    assert report.unverified_removed == report.warned == report.inactive_removed == []
    assert User.objects.count() == 2
