"""The demo's privacy notice and terms (demo/data/pages.json, "legal"): one published version of each,
in English and French, accepted by every demo person so that signing in leads where the README says.

Runs after the other parts: the pages must exist, and so must every demo person."""

import datetime

from accounts.models import LegalVersion, User
from accounts.services import legal_accept_for_data
from home.models import StandardPage

from .data import locales, read

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
    english, french = locales()
    current = []
    for entry in read("pages")["legal"]:
        page = StandardPage.objects.get(locale=english, slug=SLUGS[entry["document"]])
        source = _version(entry, english, page)
        source.save()
        source.save_revision().publish()
        translated = _version(entry, french, page.get_translation(french))
        translated.translation_key = source.translation_key
        translated.save()
        translated.save_revision().publish()
        current.append(source)
    legal_accept_for_data(users=User.objects.all(), versions=current)
    stdout.write(f"  legal: privacy notice and terms {', '.join(v.version for v in current)}, accepted")
