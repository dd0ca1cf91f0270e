"""Signals other apps listen to. Certificates subscribe to `course_completed` (sent once per enrolment,
after the transaction that completed it commits); the reminders app to `session_scheduled` (sent after a
live session was created or changed, once that commits), to plan its reminders at the new time."""

from django.dispatch import Signal

course_completed = Signal()  # kwargs: enrolment
session_scheduled = Signal()  # kwargs: session
