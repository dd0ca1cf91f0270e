"""Validation of the text people type: names, cities, titles, plans, messages.

Text comes in every script, so we do not restrict letters. We refuse only what no text typed in a form
contains and what breaks or deceives what is made of it: control characters (a NUL that PostgreSQL refuses,
a vertical tab that makes a DOCX or XLSX file invalid, a line break in an e-mail subject) and the invisible
bidirectional overrides that make "Ali" display as something else. Names refuse markup brackets too.

Every text form field goes through `ControlCharacterValidator` (accounts.forms' text fields use it).
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Explicit embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069). Zero-width joiners and
# non-joiners stay allowed: Persian, Arabic and Indic scripts need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MARKUP_CHARACTERS = frozenset("<>{}")


def is_control(char: str, *, multiline: bool = False) -> bool:
    """A character no typed text should hold; tabs always pass, line breaks only in multi-line text."""
    if char in BIDI_CONTROLS:
        return True
    if unicodedata.category(char) not in ("Cc", "Zl", "Zp"):
        return False
    return char != "\t" and not (multiline and char in "\n\r")


def strip_control_characters(value: str, *, multiline: bool = False) -> str:
    """For text that arrives in bulk (a CSV row), where refusing a whole file for one byte helps nobody."""
    return "".join(char for char in value if not is_control(char, multiline=multiline))


@deconstructible
class ControlCharacterValidator:
    message = _(
        "Remove the invisible control characters from this text (they often come from copy and paste)."
    )
    code = "control_characters"

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value: str) -> None:
        if value and any(is_control(char, multiline=self.multiline) for char in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ControlCharacterValidator) and other.multiline == self.multiline


validate_single_line = ControlCharacterValidator()
validate_multiline = ControlCharacterValidator(multiline=True)


@deconstructible
class PlainTextValidator:
    message = _(
        "Use plain text only: the characters < > { } and invisible control characters are not allowed."
    )
    code = "invalid_characters"

    def __call__(self, value: str) -> None:
        for char in value:
            if char in MARKUP_CHARACTERS or is_control(char):
                raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator)


validate_plain_text = PlainTextValidator()


def normalise_text(value: str) -> str:
    """NFC-normalise and trim, so that visually identical names compare equal."""
    return unicodedata.normalize("NFC", value).strip()


def normalise_lines(value: str) -> str:
    """NFC-normalise multi-line text and keep one kind of line break: a lone carriage return (old Mac
    files, some phones) would otherwise reach calendars and documents as a break nobody can see."""
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
