"""Waking up when a reminder falls due: a task queued to run at that time (`run_after`).

Only a queue that can wait (django-tasks-db: `backend.supports_defer`) takes such a task; the inline queue
of development and tests runs a task at once, so there the `send_due_reminders` command (cron) sends
what falls due later. Either way the task does not carry the reminder: it asks the kind what is due when
it runs. A session moved since it was planned has nothing due at the old time, a deleted one nothing at
all, so a change never has to find and cancel the tasks planned before it; it plans new ones.
"""

import logging
from datetime import datetime

from django.tasks import task
from django.utils import timezone

from . import registry, services
from .live_sessions import LiveSessionReminder

logger = logging.getLogger(__name__)


@task()
def send_reminders_for(*, kind: str, object_id: int) -> int:
    """Send what `kind` has due now about one object; how many were sent."""
    if kind not in registry.names():  # queued by an older release that had this kind
        logger.warning("No reminder kind %r: its task planned for object %s does nothing", kind, object_id)
        return 0
    return sum(services.reminders_send_due(kind=kind, object_id=object_id).values())


def reminders_plan(*, kind: str, object_id: int, now: datetime | None = None) -> list[datetime]:
    """Queue a look at each time `kind` plans for the object; returns the times queued.

    A reminder already due (its window open now: a session planned at short notice) is looked at at once,
    on every queue; later ones only on a queue that can wait, the command finds them otherwise."""
    now = now or timezone.now()
    times = registry.get(kind).planned_times(object_id=object_id, now=now)
    queued = []
    if any(moment <= now for moment in times):
        send_reminders_for.enqueue(kind=kind, object_id=object_id)
        queued.append(now)
    if send_reminders_for.get_backend().supports_defer:
        for moment in sorted(moment for moment in times if moment > now):
            send_reminders_for.using(run_after=moment).enqueue(kind=kind, object_id=object_id)
            queued.append(moment)
    return queued


def on_session_scheduled(sender, *, session, **kwargs) -> None:
    """Receiver of learning's `session_scheduled`, sent after a session was created or changed."""
    reminders_plan(kind=LiveSessionReminder.name, object_id=session.pk)
