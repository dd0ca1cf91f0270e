"""Every configured language covers the whole interface, and the compiled catalogues match their sources.

The languages are those of `settings.LANGUAGES` but English, the language the strings are written in, so
a language added to the settings is checked from then on. The shared shell keeps its strings in
`locale/`; `learning` and `toolkits` keep theirs in their own `<app>/locale/` (made by running
`makemessages` inside the app's folder), so each app's catalogue travels with it.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SOURCE_LANGUAGE = "en"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
LOCALE_FOLDERS = [
    folder for folder in [ROOT / "locale", *sorted(ROOT.glob("*/locale"))] if ".venv" not in folder.parts
]
CATALOGUES = [
    pytest.param(folder, language, id=f"{folder.relative_to(ROOT)}-{language}")
    for folder in LOCALE_FOLDERS
    for language in LANGUAGES
]


def nplurals(po):
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue's header has no Plural-Forms"
    return int(match.group(1))


def test_the_makefile_handles_every_configured_language():
    makefile = (ROOT / "Makefile").read_text()
    match = re.search(r"^LANGS\s*:=(.*)$", makefile, re.MULTILINE)

    assert match, "the Makefile has no LANGS := line"
    assert sorted(match.group(1).split()) == sorted(LANGUAGES)


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_catalogue_is_complete(locale, language):
    po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))

    untranslated = [e.msgid for e in po if not e.translated()]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]

    assert po.metadata.get("Language") == language
    assert len(po) > 10
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_every_plural_has_all_its_forms(locale, language):
    po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
    forms = list(range(nplurals(po)))

    incomplete = [
        e.msgid
        for e in po
        if e.msgid_plural and (sorted(e.msgstr_plural) != forms or not all(e.msgstr_plural.values()))
    ]

    assert incomplete == []


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_plural_rule_uses_as_many_forms_as_the_header_declares(locale, language):
    # A header declaring nplurals=2 for Arabic would let two filled forms pass the test above while
    # gettext picks the sixth for 11 files; every form the rule can choose must be declared, and used.
    po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
    match = re.search(r"plural\s*=\s*(.+?);?\s*$", po.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue's header has no plural rule"
    rule = gettext.c2py(match.group(1))

    chosen = {rule(n) for n in [*range(1001), 10_000, 100_000, 1_000_000, 2_000_000]}

    assert chosen == set(range(nplurals(po)))


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_compiled_catalogue_matches_its_source(locale, language):
    folder = locale / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    assert (folder / "django.mo").exists(), "run: make compilemessages"
    mo = polib.mofile(str(folder / "django.mo"))

    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}

    assert compiled == source, "run: make compilemessages"
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms"), "run: make compilemessages"
