from django.core.management.base import BaseCommand

from notifications.digest import digests_send


class Command(BaseCommand):
    help = (
        "Send each person one e-mail with their unread notifications of the last day, of the kinds they "
        "read in a daily digest. Run it once a day (cron); running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"{sent} digest(s) sent.")
