from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from core.discovery import project_modules


class Command(BaseCommand):
    help = "Print the demo accounts and their password (created by load_demo)."

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
        logins = [(account["role"], account["email"]) for account in DEMO_ACCOUNTS]
        # Apps that add demo people worth trying (the Arabic trainee, the city teams) list them in
        # their demo module's LOGINS, so this list cannot fall behind what load_demo creates.
        for module in project_modules("demo"):
            logins += [login for login in getattr(module, "LOGINS", []) if login not in logins]
        for role, email in logins:
            self.stdout.write(f"  {role:<17} {email}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ — the editing interface is at /admin/\n")
