"""Reminders to a mentee city's team about a mentor check-in it has not submitted yet.

Two occasions per check-in: two weeks before it is due ("before"), and on the day it falls due
("due"). Each is sent while its window is open (until the due day for the first, two weeks after it for
the second) and only while the check-in is still not submitted; the slot carries the due date, so a
check-in moved to another date is reminded of again. Each member of the plan's city is reminded once.
"""

from datetime import timedelta

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.absolute_urls import absolute_url
from notifications.models import Kind
from outbox.layout import site_look
from toolkits.models import CheckIn
from toolkits.models.organisations import Membership

from .registry import Reminder, ReminderKind

BEFORE = timedelta(days=14)
LATE_WINDOW = timedelta(days=14)


def _slots(checkin: CheckIn, today) -> list[str]:
    """The occasions of `checkin` whose window is open on `today`."""
    slots = []
    if checkin.due_on - BEFORE <= today < checkin.due_on:
        slots.append(f"before@{checkin.due_on:%Y%m%d}")
    if checkin.due_on <= today < checkin.due_on + LATE_WINDOW:
        slots.append(f"due@{checkin.due_on:%Y%m%d}")
    return slots


class CheckInDue(ReminderKind):
    name = "checkin_due"
    notification = Kind.CHECKIN_DUE
    # A due date two weeks past never opens a window again.
    forget_after = timedelta(days=60)

    def due(self, *, now, object_id=None):
        today = timezone.localdate(now)
        checkins = (
            CheckIn.objects.pending()
            .filter(due_on__gt=today - LATE_WINDOW, due_on__lte=today + BEFORE)
            .select_related("plan__organisation", "pairing__mentor")
            .prefetch_related(
                Prefetch(
                    "plan__organisation__memberships",
                    queryset=Membership.objects.filter(user__is_active=True).select_related("user"),
                    to_attr="active_members",
                )
            )
        )
        if object_id is not None:
            checkins = checkins.filter(pk=object_id)
        reminders = []
        for checkin in checkins:
            for slot in _slots(checkin, today):
                for membership in checkin.plan.organisation.active_members:
                    reminders.append(Reminder(self.name, membership.user, checkin.pk, slot, checkin, slot))
        return reminders

    def render(self, reminder):
        checkin = reminder.about
        address = reverse("toolkits:checkin", args=[checkin.plan.public_id, checkin.months])
        context = {
            "user": reminder.person,
            "checkin": checkin,
            "plan": checkin.plan,
            "mentor": checkin.pairing.mentor if checkin.pairing else None,
            "is_late": reminder.occasion.startswith("due@"),
            "checkin_url": absolute_url(address),
            "organisation": site_look().organisation,
        }
        subject = render_to_string("reminders/email/checkin_due_subject.txt", context).strip()
        body = render_to_string("reminders/email/checkin_due_message.txt", context)
        return subject, body

    def notification_target(self, reminder):
        checkin = reminder.about
        return reverse("toolkits:checkin", args=[checkin.plan.public_id, checkin.months]), checkin.plan.title
