"""Remove the accounts the platform should no longer keep. Cron-friendly and idempotent: run it daily,

    17 3 * * *  python manage.py retention

- accounts whose e-mail address was never verified, RETENTION_UNVERIFIED_DAYS (30) after signing up;
- accounts nobody signed in to for RETENTION_INACTIVE_YEARS (3): warned by e-mail first, removed
  RETENTION_WARNING_DAYS (30) after the warning unless their owner signed in meanwhile.

It also deletes the archives of "download my data" whose link expired (DATA_EXPORT_DAYS, 7): the
link refuses them from that moment, and this run removes their files.

Staff accounts are never removed by it. `--dry-run` lists what a run would do and changes nothing.
Removal is the same as "delete my account" (accounts.services.user_erase).
"""

from django.core.management.base import BaseCommand

from accounts import data_export, services


class Command(BaseCommand):
    help = "Remove unverified and long-inactive accounts (warning the inactive ones by e-mail first)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would happen; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        report = services.retention_run(dry_run=dry_run)
        verb = "would be" if dry_run else "were"
        for title, emails in (
            (f"unverified accounts {verb} removed", report.unverified_removed),
            (f"inactive accounts {verb} warned", report.warned),
            (f"inactive accounts {verb} removed after their warning", report.inactive_removed),
        ):
            self.stdout.write(f"{len(emails)} {title}")
            for email in emails:
                self.stdout.write(f"  {email}")
        if not dry_run:
            self.stdout.write(f"{data_export.data_exports_expire()} expired data exports were deleted")
