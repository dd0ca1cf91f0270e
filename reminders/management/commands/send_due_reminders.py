"""Send every reminder that is due now. Safe to run from cron on every host, as often as you like:

    */10 * * * *  python manage.py send_due_reminders

It is how reminders go out with the inline task queue (development), which cannot run a task later, and
the only way for kinds with no planned time (the inactive trainees' daily check). With django-tasks-db
and `db_worker`, sessions' reminders also leave at their minute through tasks queued with `run_after`,
and this command catches what those could not know (a trainee who joined after the task ran). Nobody is
reminded twice however many copies run at once (reminders.models.SentReminder). It also deletes the
records of reminders whose occasion is long past (a session's, after 30 days).
"""

from django.core.management.base import BaseCommand

from reminders import registry, services


class Command(BaseCommand):
    help = "Send every reminder that is due now (before live sessions, to inactive trainees...)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=[kind.name for kind in registry.kinds()],
            help="Only this kind (may be given several times); every kind when left out.",
        )

    def handle(self, *args, **options):
        names = options["kind"] or [kind.name for kind in registry.kinds()]
        total = forgotten = 0
        for name in names:
            sent = services.reminders_send_due(kind=name)[name]
            total += sent
            forgotten += services.reminders_forget(kind=name)
            self.stdout.write(f"{name}: {sent} sent")
        self.stdout.write(f"{total} reminder(s) sent.")
        if forgotten:
            self.stdout.write(f"{forgotten} record(s) of reminders past their occasion deleted.")
