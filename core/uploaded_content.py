"""What an uploaded file really is, read from its content: its extension is only what its name claims.

A PNG named report.pdf, or an HTML page named notes.txt, would be handed out under the name the editor
gave it; the document form (core/documents.py) and the invitation CSV refuse a file whose content is not
the format its extension names. The rules are the formats' own signatures: PDF's `%PDF-` header, the
OLE2 container of .doc/.xls, the ZIP parts that make a .docx/.xlsx/.pptx, the `mimetype` entry of
OpenDocument files, and, for text, no binary content and no HTML.
"""

import re
import zipfile

import filetype

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
OPENDOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
TEXT = {"csv", "txt"}
# What a browser would take for a web page (the HTML sniffing of the WHATWG MIME Sniffing standard).
HTML_START = re.compile(
    rb"^\s*<(!doctype\s+html|html|head|body|script|iframe|svg|\?xml|meta|style|title|font|!--"
    rb"|a\s|img|div|table|p[\s>]|h1|br|b[\s>])",
    re.IGNORECASE,
)
HEAD_BYTES = 8192


def binary_kind(head: bytes) -> str | None:
    """The known binary format `head` starts with ("PNG", "ZIP", "PDF"...), or None."""
    guess = filetype.guess(head)
    return guess.extension.upper() if guess is not None else None


def kind_of(head: bytes) -> str | None:
    """A short name for what `head` (a file's first bytes) looks like: "PNG", "ZIP", "HTML"..., or None."""
    guess = filetype.guess(head)
    if guess is not None:
        return guess.extension.upper()
    if HTML_START.match(head):
        return "HTML"
    return None


def _zip_names(upload) -> set[str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return {info.filename for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def _zip_member(upload, name: str) -> bytes:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read(name)[:200]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return b""
    finally:
        upload.seek(0)


def is_text(head: bytes) -> bool:
    """Plain text, as a .txt or .csv should be: no NUL, no known binary format, not a web page."""
    return b"\x00" not in head and filetype.guess(head) is None and not HTML_START.match(head)


def content_matches(upload, extension: str) -> bool:
    """True when the content of `upload` (a file object) is the format `extension` names."""
    extension = extension.lower()
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if extension == "pdf":
        return b"%PDF-" in head[:1024]
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE2)
    if extension in OOXML_PART:
        names = _zip_names(upload)
        return bool(names) and "[Content_Types].xml" in names and OOXML_PART[extension] in names
    if extension in OPENDOCUMENT:
        return _zip_member(upload, "mimetype").strip() == OPENDOCUMENT[extension]
    if extension in TEXT:
        return is_text(head)
    # A format we have no rule for is not one the settings allow (WAGTAILDOCS_EXTENSIONS).
    return False
