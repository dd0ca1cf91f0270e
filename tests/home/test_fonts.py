"""The web fonts are subsets a phone can afford, and still draw every letter of the interface.

site/fonts/subset.py holds the unicode ranges, makes the subset files and writes the @font-face block of
site.css; these tests fail when the committed files or the CSS no longer match it (run the script), when
a face is declared twice, or when a translated interface uses a letter its subset dropped. The PDFs keep
the complete files (site/static/css/pdf-fonts.css; tests/learning/test_certificates_pdf.py prints names).
"""

import importlib.util
import re
from pathlib import Path

import polib
import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("site_fonts_subset", ROOT / "site" / "fonts" / "subset.py")
subset = importlib.util.module_from_spec(spec)
spec.loader.exec_module(subset)

SITE_CSS = (ROOT / "site" / "static" / "css" / "site.css").read_text()
PDF_CSS = (ROOT / "site" / "static" / "css" / "pdf-fonts.css").read_text()
FACES = [
    pytest.param(face, weight, id=f"{face['folder']}-{weight}")
    for face in subset.FACES
    for weight in subset.WEIGHTS
]
# The interface's languages written in each subset's script, and the Unicode blocks of that script.
INTERFACE = {"arabic": (["ar", "fa"], (0x0600, 0x08FF)), "ethiopic": (["ti"], (0x1200, 0x139F))}


def cmap(path):
    return set(TTFont(path).getBestCmap())


def test_the_css_block_is_the_one_the_script_writes():
    assert subset.css() in SITE_CSS, "run: python site/fonts/subset.py"


@pytest.mark.parametrize(("face", "weight"), FACES)
def test_each_subset_holds_exactly_its_ranges(face, weight):
    wanted = subset.codepoints(face["unicode_range"]) | {0x20, 0xA0}

    held = cmap(subset.web_file(face, weight))

    assert held == cmap(subset.source_file(face, weight)) & wanted, "run: python site/fonts/subset.py"


@pytest.mark.parametrize(("face", "weight"), FACES)
def test_each_subset_is_lighter_than_the_file_it_is_cut_from(face, weight):
    web, source = subset.web_file(face, weight), subset.source_file(face, weight)

    assert web.stat().st_size < source.stat().st_size


def test_every_face_is_declared_once_with_its_range_and_display():
    faces = re.findall(r"@font-face \{(.*?)\}", SITE_CSS, re.DOTALL)
    web = [f for f in faces if "url(" in f]
    keys = [(re.search(r'font-family: "([^"]+)"', f)[1], re.search(r"font-weight: (\d+)", f)[1]) for f in web]

    assert sorted(keys) == sorted((face["family"], str(w)) for face in subset.FACES for w in subset.WEIGHTS)
    assert len(set(web)) == len(web)  # a family's parts differ by their range
    assert all("font-display: swap" in f and "unicode-range" in f for f in web)
    # The fallbacks keep the text's width and line height while the web font loads.
    fallbacks = [f for f in faces if "url(" not in f]
    assert fallbacks and all("size-adjust" in f and "ascent-override" in f for f in fallbacks)


def test_the_parts_of_the_ethiopic_font_hold_the_whole_block_once():
    # A Tigrinya page downloads the first part only; a letter of another language of the script (an
    # Amharic name) comes from the second, so no letter is left to the system's font.
    first, more = (
        subset.codepoints(face["unicode_range"]) for face in subset.FACES if face["script"] == "ethiopic"
    )

    assert first | more == set(range(0x1200, 0x1380)) and not first & more
    assert {0x1265, 0x1325, 0x1362, 0x12C3} <= first  # ብ ጥ ። ዃ: everyday Tigrinya
    assert {0x1220, 0x1280, 0x1340, 0x1369} <= more  # ሠ ኀ ፀ ፩: Ge'ez and Amharic letters, numbers
    web = [subset.web_file(face, 400).stat().st_size for face in subset.FACES if face["script"] == "ethiopic"]
    assert web[0] < 30_000  # was 44.7 kB for the whole block


@pytest.mark.parametrize("script", sorted(INTERFACE))
def test_the_translated_interface_uses_no_letter_its_subset_dropped(script):
    """Nor, for a script in parts, a letter outside its first part: the interface never makes a page
    download the second."""
    languages, (first, last) = INTERFACE[script]
    face = next(face for face in subset.FACES if face["script"] == script)
    letters = set()
    catalogues = [
        folder / language / "LC_MESSAGES" / "django.po"
        for language in languages
        for folder in [ROOT / "locale", *ROOT.glob("*/locale")]
        if ".venv" not in folder.parts
    ]
    for po_file in catalogues:
        for entry in polib.pofile(str(po_file)):
            texts = [entry.msgstr, *entry.msgstr_plural.values()]
            letters |= {ord(c) for text in texts for c in text if first <= ord(c) <= last}

    dropped = letters - subset.codepoints(face["unicode_range"])

    assert len(letters) > 30
    assert dropped == set(), [f"U+{c:04X} {chr(c)}" for c in sorted(dropped)]


def test_the_pdfs_keep_the_complete_fonts():
    # A name may use letters no page needs (Pashto, Sindhi, Gurage languages): the PDFs never get a subset.
    assert "-web-" not in PDF_CSS
    for face in subset.FACES:
        for weight in subset.WEIGHTS:
            source = subset.source_file(face, weight)
            if face["script"] == "arabic":
                # The PDFs take the build with a glyph per letter (fonts/noto-sans-arabic/README.md).
                name = {400: "Regular", 700: "Bold"}[weight]
                source = source.with_name(f"NotoSansArabic-{name}.ttf")
                assert set(cmap(source)) >= set(range(0x0621, 0x064B)) | {
                    0x067E,
                    0x0686,
                    0x0698,
                    0x06AF,
                    0x06CC,
                }
            assert f"/static/{source.relative_to(ROOT / 'site' / 'static').as_posix()}" in PDF_CSS
