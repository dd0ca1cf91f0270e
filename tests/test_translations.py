"""French and Arabic cover the whole interface, and the compiled catalogues match their sources.

The shared shell keeps its strings in `locale/`; `learning` and `toolkits` keep theirs in their own
`<app>/locale/` (made by running `makemessages` inside the app's folder), so each app's catalogue
travels with it.
"""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [
    pytest.param(folder, language, id=f"{folder.relative_to(ROOT)}-{language}")
    for folder in [ROOT / "locale", *sorted(ROOT.glob("*/locale"))]
    if ".venv" not in folder.parts
    for language in ["fr", "ar"]
]


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_catalogue_is_complete(locale, language):
    po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))

    untranslated = [e.msgid for e in po if not e.translated()]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]

    assert len(po) > 10
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize(("locale", "language"), CATALOGUES)
def test_compiled_catalogue_matches_its_source(locale, language):
    folder = locale / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))

    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}

    assert compiled == source, "run: python manage.py compilemessages"
