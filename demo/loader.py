"""The whole demo, in order: accounts first, then the pages, courses and toolkits that refer to them."""

from django.core.management import call_command
from django.db import transaction

from . import accounts, certificates, community, learning, legal, network, pages, toolkits
from .data import DEMO_ACCOUNTS, read

PARTS = (accounts, pages, learning, certificates, toolkits, legal, community, network)


@transaction.atomic
def load_all(stdout) -> None:
    for part in PARTS:
        part.load(stdout)
    # Pages made in code (not through the admin's create view) get no aliases from wagtail-localize's
    # hook: every language's tree gets its aliases of what is not translated, so the demo is read in
    # each language under that language's prefix.
    call_command("sync_locale_trees", stdout=stdout)


def logins() -> list[tuple[str, str]]:
    """(role, e-mail) of every demo person worth trying: the role accounts, the Arabic trainee and the
    city teams, read from the same data the loader creates them from."""
    found = [(account["role"], account["email"]) for account in DEMO_ACCOUNTS]
    found += [(role, email) for role, email in read("people")["logins"]]
    found += [("city team", official["email"]) for official in read("toolkits")["officials"]]
    emails, unique = set(), []
    for role, email in found:
        if email not in emails:
            emails.add(email)
            unique.append((role, email))
    return unique
