from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo accounts and their password (created by load_demo)."

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account['role']:<14} {account['email']}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ — the editing interface is at /admin/\n")
