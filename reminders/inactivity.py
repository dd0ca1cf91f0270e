"""A reminder to a trainee who has made no progress for the number of days their cohort sets.

Inactive means: no lesson, quiz or reflection since the later of their last activity and the day they
got their seat (learning.services touches `last_activity_at` on each), in a cohort that has started and
not ended. The slot is that moment, so one inactive stretch brings one reminder; the trainee active again
starts a new stretch, which brings another only once it, too, lasts the cohort's number of days.
"""

from datetime import UTC, datetime, time, timedelta

from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.localize import page_in_language
from learning.models import Cohort, Enrolment
from outbox.layout import site_look

from .links import dashboard_url, page_url
from .registry import Reminder, ReminderKind


def _stretch_start(enrolment: Enrolment) -> datetime:
    """When the present stretch without activity began: a cohort's first day counts as a start too."""
    start = enrolment.quiet_since
    if enrolment.cohort.starts_on:
        first_day = datetime.combine(
            enrolment.cohort.starts_on, time.min, tzinfo=timezone.get_current_timezone()
        )
        start = max(start, first_day)
    return start


class InactiveTrainee(ReminderKind):
    name = "inactive_trainee"

    def due(self, *, now, object_id=None):
        today = timezone.localdate(now)
        running = Cohort.objects.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=today),
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
            remind_inactive_days__isnull=False,
        )
        enrolments = Enrolment.objects.filter(status=Enrolment.Status.ACTIVE, user__is_active=True).annotate(
            quiet_since=Greatest(Coalesce("last_activity_at", "status_changed_at"), F("status_changed_at"))
        )
        if object_id is not None:
            enrolments = enrolments.filter(pk=object_id)
        reminders = []
        # One query per number of days the cohorts chose (a handful), whatever the number of cohorts.
        for days in running.values_list("remind_inactive_days", flat=True).distinct().order_by():
            quiet = enrolments.filter(
                cohort__in=running.filter(remind_inactive_days=days),
                quiet_since__lt=now - timedelta(days=days),
            ).select_related("user", "cohort__course")
            for enrolment in quiet:
                since = _stretch_start(enrolment)
                if since + timedelta(days=days) <= now:
                    slot = f"{since.astimezone(UTC):%Y%m%dT%H%M%SZ}"
                    reminders.append(Reminder(self.name, enrolment.user, enrolment.pk, slot, enrolment))
        return reminders

    def render(self, reminder):
        enrolment = reminder.about
        course = page_in_language(enrolment.cohort.course, translation.get_language())
        context = {
            "user": reminder.person,
            "cohort": enrolment.cohort,
            "course": course,
            "days": enrolment.cohort.remind_inactive_days,
            "course_url": page_url(course),
            "dashboard_url": dashboard_url(),
            "organisation": site_look().organisation,
        }
        subject = render_to_string("reminders/email/inactive_trainee_subject.txt", context).strip()
        body = render_to_string("reminders/email/inactive_trainee_message.txt", context)
        return subject, body
