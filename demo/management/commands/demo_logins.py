from django.core.management.base import BaseCommand

from demo.data import DEMO_PASSWORD
from demo.loader import logins


class Command(BaseCommand):
    help = "Print the demo accounts and their password (created by load_demo)."

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
        for role, email in logins():
            self.stdout.write(f"  {role:<17} {email}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ — the editing interface is at /admin/\n")
