"""Reading the demo's data files (demo/data/*.json) and the few helpers every part of the loader shares.

A text given in several languages is written `{"en": "...", "fr": "...", "ar": "...", "uk": "..."}`
(English always; French everywhere; Arabic and Ukrainian for the course translated into them);
`localise` picks one, so every language version of a page shares one structure (and, for lessons, the
same block ids).
"""

import json
from functools import cache
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from wagtail.models import Locale, Page

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "fr", "ar", "uk")


@cache
def read(name: str) -> dict:
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def localise(value, language: str):
    """The value with every {"en": ..., "fr": ...} text replaced by its text in `language`."""
    if isinstance(value, dict):
        if "en" in value and value.keys() <= set(LANGUAGES):
            return value[language]
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, language) for item in value]
    return value


DEMO_PASSWORD = read("accounts")["password"]
DEMO_ACCOUNTS = read("accounts")["accounts"]


@cache
def password_hash() -> str:
    """The demo password, hashed once per run: the hasher is deliberately slow, and every demo person
    shares the password."""
    return make_password(DEMO_PASSWORD)


def person(model, email: str, **fields):
    """The demo person with this address, created (with the demo password and a verified address) if
    missing; `fields` are only used to create."""
    user, created = model.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.password = password_hash()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def locales() -> tuple[Locale, Locale]:
    english = Locale.objects.get(language_code="en")
    french, _created = Locale.objects.get_or_create(language_code="fr")
    return english, french


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page
