"""One demo account per role (demo/data/accounts.json)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User

from .data import DEMO_ACCOUNTS, password_hash


def load(stdout) -> None:
    for account in DEMO_ACCOUNTS:
        fields = {k: v for k, v in account.items() if k not in {"role", "email", "groups"}}
        # Updated on every run: a second run resets what someone changed on the demo accounts.
        user, created = User.objects.update_or_create(email=account["email"], defaults=fields)
        if created:
            user.password = password_hash()
            user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=account["groups"]))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    stdout.write(f"  accounts: {len(DEMO_ACCOUNTS)} demo users")
