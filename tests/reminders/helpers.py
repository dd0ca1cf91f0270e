"""What the reminder tests share: a cohort with trainees in several places and languages, and sending."""

from datetime import UTC, datetime, timedelta

from django.core import mail

from learning.models import Enrolment
from reminders import services
from tests.factories import CohortFactory, EnrolmentFactory, LiveSessionFactory, UserFactory

Status = Enrolment.Status

# Wednesday 15 January 2031, 10:00 UTC: 11:00 in Brussels, 14:30 in Kabul (UTC+4:30, no summer time),
# 05:00 in Toronto (UTC-5 in winter).
START = datetime(2031, 1, 15, 10, 0, tzinfo=UTC)


def session_with_trainees(*, starts_at=START, **session_fields):
    cohort = CohortFactory(title="Brussels spring cohort")
    session = LiveSessionFactory(
        cohort=cohort,
        title="Meeting the city council",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1, minutes=30),
        time_zone="Europe/Brussels",
        **session_fields,
    )
    trainees = {
        "kabul": trainee(cohort, email="farida@example.org", time_zone="Asia/Kabul"),
        "toronto": trainee(cohort, email="samuel@example.org", time_zone="America/Toronto"),
    }
    return session, trainees


def trainee(cohort, status=Status.ACTIVE, **user_fields):
    user_fields.setdefault("display_name", user_fields.get("email", "Trainee").split("@")[0].title())
    return EnrolmentFactory(cohort=cohort, status=status, user=UserFactory(**user_fields)).user


def send_due(capture, **kwargs) -> dict:
    """Send what is due, with the e-mails delivered as they are once the transaction commits."""
    with capture(execute=True):
        return services.reminders_send_due(**kwargs)


def mail_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]
