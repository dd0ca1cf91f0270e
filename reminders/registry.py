"""The kinds of reminder: each says what is due and how it reads; this app does the rest.

A kind is an instance of a `ReminderKind` subclass, registered once in its app's `ready()`:

    registry.register(CheckInDue())

Its `due()` lists the reminders owed now (one `Reminder` per person), already narrowed to their open
window, so a reminder that was due while the site was down for longer than its window is never sent
late; `render()` writes one, called with the person's language active. A kind whose reminders fall due
at known times (before a session) lists them in `planned_times()`, and queue-backed deployments wake
up then (reminders.tasks.reminders_plan); every kind is also found by the `send_due_reminders` command.
Sending once per occasion, recording and delivering are the app's (reminders.services): a kind never
writes.

The registry is filled by code at start-up, the same in every process: it holds no data.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class Reminder:
    """One reminder owed to one person: `slot` names the occasion (the unique key with person, kind
    and object), `about` is the object itself for `render()`, `occasion` what the kind needs to word it."""

    kind: str
    person: Any
    object_id: int
    slot: str
    about: Any = None
    occasion: str = ""

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.person.pk, self.object_id, self.slot)


class ReminderKind:
    name: str = ""  # stored in SentReminder.kind: never rename one that has sent anything
    # How long a record of a sent reminder is worth keeping: after that its occasion cannot come round
    # again, and the command forgets it. None: for as long as the account (the occasion may last).
    forget_after: timedelta | None = None
    # The notifications centre's kind for it (notifications.models.Kind), or "" for e-mail only. A kind
    # that has one also lists its reminders in the centre, and follows the person's choice for that kind.
    notification: str = ""

    def due(self, *, now: datetime, object_id: int | None = None) -> Iterable[Reminder]:
        """The reminders owed at `now` (only for `object_id` when given), sent or not."""
        raise NotImplementedError

    def planned_times(self, *, object_id: int, now: datetime) -> list[datetime]:
        """When reminders about `object_id` fall due, those whose window is still open at `now`."""
        return []

    def render(self, reminder: Reminder) -> tuple[str, str]:
        """(subject, plain-text body), in the active language (the person's)."""
        raise NotImplementedError

    def notification_target(self, reminder: Reminder) -> tuple[Any, str]:
        """(what the centre links to: a page or a path, the few words it shows) for `notification`."""
        raise NotImplementedError


_kinds: dict[str, ReminderKind] = {}


def register(kind: ReminderKind) -> ReminderKind:
    if not kind.name or len(kind.name) > 50:
        raise ValueError(f"A reminder kind needs a name of 1 to 50 characters: {kind.name!r}")
    _kinds[kind.name] = kind
    return kind


def get(name: str) -> ReminderKind:
    return _kinds[name]


def kinds() -> list[ReminderKind]:
    return list(_kinds.values())


def names() -> set[str]:
    return set(_kinds)
