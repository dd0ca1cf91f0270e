"""Demo accounts, one per role. Their shared password is printed by `make run` (demo_logins)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from . import roles
from .models import User

DEMO_PASSWORD = "learn-together-2026"

DEMO_ACCOUNTS = [
    {
        "role": "trainee",
        "email": "trainee@example.org",
        "display_name": "Amina Diallo",
        "certificate_name": "Amina Diallo",
        "language": "fr",
        "city": "Brussels",
        "country": "BE",
        "organisation": "Voix des Femmes Migrantes",
        "nationality": "GN",
        "groups": [],
    },
    {
        "role": "trainer",
        "email": "trainer@example.org",
        "display_name": "Jonas Peeters",
        "certificate_name": "Jonas Peeters",
        "language": "en",
        "city": "Brussels",
        "country": "BE",
        "organisation": "Migration Policy Group",
        "groups": [roles.TRAINERS],
    },
    {
        "role": "city official",
        "email": "city@example.org",
        "display_name": "Marta Kowalska",
        "certificate_name": "Marta Kowalska",
        "language": "en",
        "city": "Gdańsk",
        "country": "PL",
        "organisation": "City of Gdańsk",
        "groups": [roles.CITY_OFFICIALS],
    },
    {
        "role": "editor",
        "email": "editor@example.org",
        "display_name": "Sofia Almeida",
        "language": "en",
        "city": "Lisbon",
        "country": "PT",
        "organisation": "Migration Policy Group",
        "groups": ["Editors", "Moderators"],
        "is_staff": True,
    },
    {
        "role": "administrator",
        "email": "admin@example.org",
        "display_name": "Site Administrator",
        "language": "en",
        "groups": [],
        "is_staff": True,
        "is_superuser": True,
    },
]


def load(stdout) -> None:
    for account in DEMO_ACCOUNTS:
        fields = {k: v for k, v in account.items() if k not in {"role", "email", "groups"}}
        user, created = User.objects.update_or_create(email=account["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=account["groups"]))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    stdout.write(f"  accounts: {len(DEMO_ACCOUNTS)} demo users")
