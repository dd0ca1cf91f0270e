"""Queue again the e-mails a stopped worker left half sent. Safe to run from cron on every host:

    */5 * * * *  python manage.py outbox_requeue

A message counts as stalled once it has been "sending" for OUTBOX_SENDING_TIMEOUT seconds (15 minutes by
default); each is handed back once, however many copies of the command run at the same moment.
"""

from django.core.management.base import BaseCommand

from outbox import services


class Command(BaseCommand):
    help = "Queue again every e-mail left at 'sending' by a worker that stopped mid-send."

    def handle(self, *args, **options):
        requeued = services.email_requeue_stalled()
        self.stdout.write(f"{len(requeued)} stalled e-mail(s) queued again.")
