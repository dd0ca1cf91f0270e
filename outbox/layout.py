"""How every e-mail looks and who it comes from: one HTML layout and one sender for all of them.

The HTML part is made from the plain-text part, not written twice: every message (ours and allauth's)
then gets one, and its links are the plain text's links, character for character. It carries no image
and no tracking pixel or redirect: nothing in it is fetched from anywhere when it is opened.
"""

import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from itertools import groupby

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from home.models import FooterSettings, IssuerSettings

DEFAULT_COLOUR = "#0b5cad"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# A link ends at white space or at what cannot be part of it in our texts (quotes, angle brackets);
# a full stop or a closing bracket right after it belongs to the sentence, not to the address.
_TRAILING = ".,;:!?)]\u2019'"
# What reads left to right whatever the text around it: links, e-mail addresses, domain names and codes
# (letters with digits, "K7Q2-9XPL", a date). Inside Arabic or Farsi each is isolated, or the bidi
# algorithm moves its dots, @ and hyphens, and a long one wraps with its start on the wrong side.
_LEFT_TO_RIGHT = re.compile(
    r"(?P<url>https?://[^\s<>\"“”«»]+)"
    r"|(?P<address>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?<![\w@.-])(?P<plain>(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"
    r"|[A-Z0-9]+(?:-[A-Z0-9]+)+|(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{4,})(?![\w@-])"
)
# An isolated run may break anywhere: a long address wraps inside its own box instead of overflowing.
_ISOLATED = "unicode-bidi:isolate;overflow-wrap:anywhere;word-break:break-all;"
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = SafeString("<br>\n")  # a constant: nothing typed is in it


@dataclass(frozen=True)
class Look:
    organisation: str
    colour: str


def site_look() -> Look:
    """The organisation's name (the footer's, else the certificate issuer's) and colour, for the default
    site: e-mails are sent by tasks, where there is no request to find a site from."""
    default_site = {"site__is_default_site": True}
    footer = FooterSettings.objects.filter(**default_site).values_list("organisation_name").first()
    issuer = (
        IssuerSettings.objects.filter(**default_site)
        .values_list("organisation_name", "primary_colour")
        .first()
    )
    name = (footer[0] if footer else "") or (issuer[0] if issuer else "")
    colour = issuer[1] if issuer and _COLOUR.match(issuer[1] or "") else DEFAULT_COLOUR
    return Look(organisation=_one_line(name), colour=colour)


def sender(look: Look) -> str:
    """DEFAULT_FROM_EMAIL's address under the organisation's name; DEFAULT_FROM_EMAIL itself without one."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not look.organisation or not address:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((look.organisation, address))


def html_alternative(*, body: str, subject: str, language: str, look: Look) -> str:
    """The plain-text `body` as the HTML part, in the shared layout, marked with `language`'s lang/dir."""
    language = language if _known(language) else settings.LANGUAGE_CODE
    bidi = translation.get_language_info(language)["bidi"]
    return render_to_string(
        "outbox/email/base.html",
        {
            "language": language,
            "direction": "rtl" if bidi else "ltr",
            "align": "right" if bidi else "left",
            "subject": subject,
            "organisation": look.organisation or settings.WAGTAIL_SITE_NAME,
            "colour": look.colour,
            "content": _joined(_blocks(body, look.colour), "\n"),
        },
    )


def _known(language: str | None) -> bool:
    try:
        return bool(language) and bool(translation.get_language_info(language))
    except KeyError:
        return False


def _one_line(text: str) -> str:
    # The name goes into the From header: a line break there would break the message.
    return " ".join(str(text).split())


def _joined(parts, separator: str = ""):
    """Safe pieces joined into one safe piece (each was escaped when it was made)."""
    return format_html_join(separator, "{}", ((part,) for part in parts))


def _blocks(body: str, colour: str):
    """Paragraphs from blank lines, lists from runs of lines starting with "- ", line breaks kept."""
    for chunk in _PARAGRAPH_BREAK.split(body.strip().replace("\r\n", "\n")):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n")]
        for is_list, run in groupby(lines, key=lambda line: line.startswith("- ")):
            run = list(run)
            if is_list:
                items = _joined(
                    format_html('<li style="margin:0 0 6px;">{}</li>', _inline(line[2:], colour))
                    for line in run
                )
                yield format_html('<ul style="margin:0 0 16px;padding-inline-start:24px;">{}</ul>', items)
            elif any(run):
                text = _joined((_inline(line, colour) for line in run), _LINE_BREAK)
                yield format_html('<p style="margin:0 0 16px;">{}</p>', text)


def _left_to_right_runs(line: str):
    """(start, text, is_link) for each address, link or code of `line`, a link without the sentence's
    punctuation after it."""
    for match in _LEFT_TO_RIGHT.finditer(line):
        text = match.group().rstrip(_TRAILING) if match.group("url") else match.group()
        yield match.start(), text, bool(match.group("url"))


def _inline(line: str, colour: str):
    """One line, escaped, with each address made a link to exactly that address, and every address,
    link and code isolated left to right (<bdi>, dir, unicode-bidi), so no sentence can reorder it."""
    parts, position = [], 0
    for start, text, is_link in _left_to_right_runs(line):
        parts.append(line[position:start])
        if is_link:
            parts.append(
                format_html(
                    '<a href="{}" dir="ltr" style="color:{};text-decoration:underline;{}">{}</a>',
                    text,
                    colour,
                    _ISOLATED,
                    text,
                )
            )
        else:
            parts.append(format_html('<bdi dir="ltr" style="{}">{}</bdi>', _ISOLATED, text))
        position = start + len(text)
    parts.append(line[position:])
    return _joined(parts)


def text_isolated(body: str, language: str | None) -> str:
    """The plain-text part for a right-to-left `language`: each address, link and code inside a line of
    text between Unicode isolates (FSI … PDI), which plain-text mail programs apply as <bdi> is.

    A space inside the isolates keeps them out of what a reader copies or a mail program turns into a
    link: forms refuse pasted bidi controls (accounts.validators), and a link must stay exactly itself.
    What stands alone on its line has nothing to be reordered with and stays as it is (a code to copy,
    a link to open). Other languages' text is returned unchanged."""
    if not _known(language) or not translation.get_language_info(language)["bidi"]:
        return body
    return "\n".join(_isolated_line(line) for line in body.split("\n"))


def _isolated_line(line: str) -> str:
    runs = list(_left_to_right_runs(line))
    if len(runs) == 1 and line.strip().lstrip("- ").strip() == runs[0][1]:
        return line
    parts, position = [], 0
    for start, text, _is_link in runs:
        parts += [line[position:start], FIRST_STRONG_ISOLATE, f" {text} ", POP_DIRECTIONAL_ISOLATE]
        position = start + len(text)
    parts.append(line[position:])
    return "".join(parts)
