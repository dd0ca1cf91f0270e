"""Reading the demo's data files (demo/data/*.json) and the few helpers every part of the loader shares.

A text given in several languages is written `{"en": "...", "fr": "...", "ar": "...", "uk": "..."}`
(English always; French everywhere; Arabic and Ukrainian for the course translated into them);
`localise` picks one, so every language version of a page shares one structure (and, for lessons, the
same block ids).
"""

import json
import uuid
from functools import cache
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

DATA = Path(__file__).resolve().parent / "data"
BLOCK_NAMESPACE = uuid.UUID("0c6d3f3e-6a43-4f0e-93c1-52a3c8f5e0b4")
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


def stable_block_ids(page: Page, key: str) -> Page:
    """`page` with every block and list item of its StreamFields given an id made from `key` and the
    block's place. A page the demo fills again on a second run then keeps its blocks, and with them
    wagtail-localize's segments and their translations, instead of new ones under new ids each run."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = field.get_prep_value(getattr(page, field.name))
            raw = json.loads(raw) if isinstance(raw, str) else raw
            setattr(page, field.name, field.to_python(_renumbered(raw, f"{key}/{field.name}")))
    return page


def _renumbered(value, place: str):
    if isinstance(value, list):
        return [_renumbered(item, f"{place}/{number}") for number, item in enumerate(value)]
    if isinstance(value, dict):
        renumbered = {name: _renumbered(item, f"{place}/{name}") for name, item in value.items()}
        if value.keys() >= {"type", "value", "id"}:  # a block or a list item, as stored
            renumbered["id"] = str(uuid.uuid5(BLOCK_NAMESPACE, place))
        return renumbered
    return value
