"""Every string the code marks for translation is in every language's catalogue.

tests/test_translations.py checks the catalogues against themselves (nothing untranslated, the .mo
compiled from the .po). That passes for a catalogue nobody updated: a new `{% translate %}` in a template
stays English until someone runs `make messages`. Here the strings are extracted as `make messages`
extracts them — Django's `makemessages`, the shell's catalogue from the project root with the Makefile's
ignore patterns and each app's from inside the app — into a copy of the sources, so the real catalogues
are never touched, and every extracted msgid must be in each language's .po.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SOURCE_LANGUAGE = "en"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
# makemessages reads these for the "django" domain; nothing else needs copying.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
# Big folders makemessages is told to ignore anyway (Makefile); not copying them keeps the test fast.
NOT_COPIED = {".venv", ".git", "node_modules", "tests", "bench", "media", "staticfiles", ".test-media"}
PROBE = "A sentence nobody has extracted yet, to prove the check notices it"


def app_catalogues(root):
    """Apps with a catalogue of their own, as the Makefile's APP_CATALOGUES (`*/locale`) finds them."""
    return sorted(folder.parent.name for folder in root.glob("*/locale") if folder.is_dir())


def makefile_ignores(root):
    """The `-i` patterns of the Makefile's `messages` recipe, so this test cannot drift from it."""
    recipe = re.search(r"^messages:.*?\n((?:\t.*\n)+)", (root / "Makefile").read_text(), re.MULTILINE)
    assert recipe, "the Makefile has no messages target"
    return re.findall(r'-i "([^"$]+)"', recipe.group(1))


def copy_sources(root, destination):
    """The files makemessages reads, and each catalogue's folder (empty: the real .po files stay put)."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in NOT_COPIED]
        relative = Path(folder).relative_to(root)
        for name in files:
            if Path(name).suffix in SOURCE_SUFFIXES:
                (destination / relative).mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(folder) / name, destination / relative / name)
    for locale in [root / "locale", *(root / app / "locale" for app in app_catalogues(root))]:
        (destination / locale.relative_to(root)).mkdir(parents=True, exist_ok=True)


def makemessages(cwd, *args, settings_module=None):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    if settings_module:
        # The copy's manage.py puts the copy first on the path, so its settings name its own locale/.
        env["DJANGO_SETTINGS_MODULE"] = settings_module
        program = ["manage.py"]
    else:
        # -P: an app's folder is not put on the path, where its selectors.py would shadow the stdlib's.
        program = ["-P", "-m", "django"]
    # One language is enough to make the template (.pot) every language's catalogue is merged from.
    command = [sys.executable, *program, "makemessages", "-l", LANGUAGES[0], "--keep-pot", *args]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def extract(copy):
    """{catalogue folder relative to the root: the .pot makemessages made from the copy's sources}."""
    apps = app_catalogues(copy)
    ignores = [arg for pattern in makefile_ignores(ROOT) for arg in ("-i", pattern)]
    ignores += [arg for app in apps for arg in ("-i", f"{app}/*")]
    makemessages(copy, *ignores, settings_module="config.settings.test")
    templates = {"locale": polib.pofile(str(copy / "locale" / "django.pot"))}
    for app in apps:
        makemessages(copy / app)
        templates[f"{app}/locale"] = polib.pofile(str(copy / app / "locale" / "django.pot"))
    return templates


def missing_from(template, po):
    """Each msgid of the code that the catalogue lacks (or holds without its plural), and where it is."""
    held = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
    missing = []
    for entry in template:
        found = held.get((entry.msgctxt, entry.msgid))
        if found is None or found.msgid_plural != entry.msgid_plural:
            where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences)
            plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural else ""
            missing.append(f"{entry.msgid!r}{plural} ({where})")
    return missing


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    copy = tmp_path_factory.mktemp("sources")
    copy_sources(ROOT, copy)
    return extract(copy)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("folder", ["locale", *(f"{app}/locale" for app in app_catalogues(ROOT))])
def test_catalogue_holds_every_string_of_the_code(extracted, folder, language):
    po = polib.pofile(str(ROOT / folder / language / "LC_MESSAGES" / "django.po"))

    missing = missing_from(extracted[folder], po)

    heading = f"{folder}/{language} lacks these until `make messages` and a translation:"
    assert not missing, "\n".join([heading, *missing])


def test_a_string_added_to_a_template_without_make_messages_is_found(tmp_path):
    copy_sources(ROOT, tmp_path)
    template = tmp_path / "home" / "templates" / "home" / "probe.html"
    template.write_text(f'{{% load i18n %}}<p>{{% translate "{PROBE}" %}}</p>\n')
    po = polib.pofile(str(ROOT / "locale" / LANGUAGES[0] / "LC_MESSAGES" / "django.po"))

    missing = missing_from(extract(tmp_path)["locale"], po)

    assert f"{PROBE!r} (home/templates/home/probe.html:1)" in missing
