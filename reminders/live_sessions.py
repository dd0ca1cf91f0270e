"""Reminders a day and an hour before a live session, to the trainees of its cohort.

Each slot has a window: a reminder is sent only while it is still useful, from its time until the
window closes (a day-before reminder up to twelve hours after its time, an hour-before one up to the
start). A session planned at short notice gets the reminders whose windows are still open; a server
that was down past a window never sends that reminder late. The slot's name carries the session's
start, so a session moved to another time is reminded of again, at its new time.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.absolute_urls import absolute_url
from core.localize import page_in_language
from learning.models import Enrolment, LiveSession
from notifications.models import Kind
from outbox.layout import site_look

from .links import dashboard_url, page_url
from .registry import Reminder, ReminderKind


@dataclass(frozen=True)
class Slot:
    name: str
    before: timedelta  # due this long before the start
    window: timedelta  # and sent only until this long after it was due

    def due_at(self, starts_at: datetime) -> datetime:
        return starts_at - self.before

    def is_open(self, starts_at: datetime, now: datetime) -> bool:
        return self.due_at(starts_at) <= now < self.due_at(starts_at) + self.window


SLOTS = (
    Slot("24h", before=timedelta(hours=24), window=timedelta(hours=12)),
    Slot("1h", before=timedelta(hours=1), window=timedelta(hours=1)),
)


def slot_key(slot: Slot, starts_at: datetime) -> str:
    return f"{slot.name}@{starts_at.astimezone(UTC):%Y%m%dT%H%MZ}"


class LiveSessionReminder(ReminderKind):
    name = "live_session"
    notification = Kind.SESSION_REMINDER
    # Sent at most a day before a start that is past by then: no window of that occasion opens again.
    forget_after = timedelta(days=30)

    def due(self, *, now, object_id=None):
        open_now = Q()
        for slot in SLOTS:
            open_now |= Q(starts_at__gt=now + slot.before - slot.window, starts_at__lte=now + slot.before)
        sessions = LiveSession.objects.filter(open_now).select_related("cohort__course")
        if object_id is not None:
            sessions = sessions.filter(pk=object_id)
        sessions = list(sessions)
        if not sessions:
            return []
        # Trainees who hold a seat (active, or finished and still welcome); not those waiting, asking,
        # refused or gone.
        trainees = defaultdict(list)
        for enrolment in Enrolment.objects.filter(
            cohort__in={session.cohort_id for session in sessions},
            status__in=Enrolment.LEARNING,
            user__is_active=True,
        ).select_related("user"):
            trainees[enrolment.cohort_id].append(enrolment.user)
        return [
            Reminder(self.name, person, session.pk, slot_key(slot, session.starts_at), session, slot.name)
            for session in sessions
            for slot in SLOTS
            if slot.is_open(session.starts_at, now)
            for person in trainees[session.cohort_id]
        ]

    def planned_times(self, *, object_id, now):
        starts_at = LiveSession.objects.filter(pk=object_id).values_list("starts_at", flat=True).first()
        if starts_at is None:
            return []
        return [slot.due_at(starts_at) for slot in SLOTS if slot.due_at(starts_at) + slot.window > now]

    def render(self, reminder):
        session, person = reminder.about, reminder.person
        course = page_in_language(session.cohort.course, translation.get_language())
        context = {
            "user": person,
            "session": session,
            "cohort": session.cohort,
            "course": course,
            "occasion": reminder.occasion,
            # The person's zone first; someone who never chose one sees the session's, named as such.
            "zone": person.time_zone or session.time_zone,
            "course_url": page_url(course),
            "calendar_url": absolute_url(reverse("learning:session_ics", args=[session.uid])),
            "profile_url": absolute_url(reverse("accounts:profile")),
            "dashboard_url": dashboard_url(),
            "organisation": site_look().organisation,
        }
        subject = render_to_string("reminders/email/live_session_subject.txt", context).strip()
        body = render_to_string("reminders/email/live_session_message.txt", context)
        return subject, body

    def notification_target(self, reminder):
        session = reminder.about
        return session.cohort.course, session.title
