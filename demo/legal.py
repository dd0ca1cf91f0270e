"""The demo's privacy notice and terms (demo/data/pages.json, "legal"): one published version of each,
in every language its pages are translated into, accepted by every demo person so that signing in
leads where the README says.

Runs after the other parts: the pages must exist, and so must every demo person."""

import datetime

from wagtail.models import Locale

from accounts.models import LegalVersion, User
from accounts.services import legal_accept_for_data
from home.models import StandardPage

from .data import read

SLUGS = {"privacy": "privacy", "terms": "terms"}


def _version(entry: dict, locale, page) -> LegalVersion:
    language = locale.language_code
    version = LegalVersion.objects.filter(
        document=entry["document"], version=entry["version"], locale=locale
    ).first() or LegalVersion(document=entry["document"], version=entry["version"], locale=locale)
    version.date = datetime.date.fromisoformat(entry["date"])
    version.changes = entry["changes"][language]
    version.page = page
    return version


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    current = []
    for entry in read("pages")["legal"]:
        page = StandardPage.objects.get(locale=english, slug=SLUGS[entry["document"]])
        source = _version(entry, english, page)
        source.save()
        source.save_revision().publish()
        for code in entry["changes"].keys() - {"en"}:
            locale = Locale.objects.get(language_code=code)
            translated = _version(entry, locale, page.get_translation(locale))
            translated.translation_key = source.translation_key
            translated.save()
            translated.save_revision().publish()
        current.append(source)
    legal_accept_for_data(users=User.objects.all(), versions=current)
    stdout.write(f"  legal: privacy notice and terms {', '.join(v.version for v in current)}, accepted")
