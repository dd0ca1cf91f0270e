from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """Reminders by e-mail at a planned time: before a live session, after days without activity,
    before a mentee city's check-in.

    Each kind of reminder (reminders.registry) says what is due and how it reads; this app sends each one
    once per person and slot (SentReminder), whichever path found it due first: a task queued for its
    time, or the `send_due_reminders` command."""

    name = "reminders"
    label = "reminders"
    verbose_name = _("Reminders")

    def ready(self):
        from learning.signals import session_scheduled

        from . import registry
        from .checkins import CheckInDue
        from .inactivity import InactiveTrainee
        from .live_sessions import LiveSessionReminder
        from .tasks import on_session_scheduled

        registry.register(LiveSessionReminder())
        registry.register(InactiveTrainee())
        registry.register(CheckInDue())
        session_scheduled.connect(on_session_scheduled, dispatch_uid="reminders-plan-session")
