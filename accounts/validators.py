"""Validation of the free text people type about themselves (names, cities, organisations).

Names come in every script, so we do not restrict letters. We refuse only what no name contains and what
could deceive a reader of a certificate or a roster: markup brackets, control characters and the invisible
bidirectional overrides that make "Ali" display as something else.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Explicit embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069). Zero-width joiners and
# non-joiners stay allowed: Persian, Arabic and Indic scripts need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MARKUP_CHARACTERS = frozenset("<>{}")


@deconstructible
class PlainTextValidator:
    message = _(
        "Use plain text only: the characters < > { } and invisible control characters are not allowed."
    )
    code = "invalid_characters"

    def __call__(self, value: str) -> None:
        for char in value:
            if (
                char in MARKUP_CHARACTERS
                or char in BIDI_CONTROLS
                or (unicodedata.category(char) == "Cc" and char not in "\t")
            ):
                raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator)


validate_plain_text = PlainTextValidator()


def normalise_text(value: str) -> str:
    """NFC-normalise and trim, so that visually identical names compare equal."""
    return unicodedata.normalize("NFC", value).strip()
