"""A certificate's PDF gives back, as text, the name it prints: copy and paste, search and screen readers
read the holder's name, not another one (the Arabic text layer once read "نور" as "خور"; see
site/static/fonts/noto-sans-arabic/README.md). And the PDF is tagged, in the holder's language."""

import io
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from learning.certificates import pdf
from learning.certificates import services as certificates
from learning.certificates.models import CertificateDesign
from tests.certificates.helpers import completed_enrolment

pytestmark = pytest.mark.django_db

NAMES = [
    pytest.param("نور الهدى", "ar", id="arabic"),
    pytest.param("پریسا چگینی ژیان", "fa", id="farsi"),
    pytest.param("Олена Коваленко", "uk", id="cyrillic"),
    pytest.param("ሳባ ተስፋይ", "ti", id="geez"),
    pytest.param("Aïssatou Bah Łukasz Żółć", "fr", id="latin-diacritics"),
]
# pdftotext wraps right-to-left lines in embedding marks; they are not part of the text.
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def _issue(name, language, layout):
    enrolment = completed_enrolment(name=name, language=language)
    course = enrolment.cohort.course
    course.certificate_design = CertificateDesign.objects.create(name=layout, layout=layout)
    course.save()
    return certificates.certificate_issue(enrolment=enrolment)


@pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext is missing: apt-get install poppler-utils"
)
@pytest.mark.parametrize("layout", CertificateDesign.Layout.values)
@pytest.mark.parametrize(("name", "language"), NAMES)
def test_pdftotext_reads_back_the_name_printed(name, language, layout):
    content = pdf.certificate_pdf(_issue(name, language, layout))

    text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout
    lines = [
        unicodedata.normalize("NFC", line.translate(BIDI_MARKS)).strip() for line in text.decode().split("\n")
    ]

    assert name in lines, lines


@pytest.mark.parametrize(("language", "lang"), [("ar", "ar"), ("fa", "fa"), ("ti", "ti"), ("en", "en")])
def test_the_pdf_is_tagged_in_the_holders_language(language, lang):
    content = pdf.certificate_pdf(_issue("Amina Diallo", language, "classic"))

    catalog = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert catalog["/Lang"] == lang
    assert bool(catalog["/MarkInfo"]["/Marked"])
    tree = catalog["/StructTreeRoot"].get_object()
    kinds = set()

    def walk(node, depth=0):
        node = node.get_object()
        if isinstance(node, dict):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            kids = node.get("/K")
            if kids is not None and depth < 40:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid, depth + 1)

    walk(tree)
    assert {"/Document", "/P"} <= kinds, kinds
    assert "/Figure" in kinds  # the QR code (and logo, seal, signatures) carry alternative text
