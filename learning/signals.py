"""Signals other apps listen to. Certificates subscribe to `course_completed` (sent once per enrolment,
after the transaction that completed it commits)."""

from django.dispatch import Signal

course_completed = Signal()  # kwargs: enrolment
