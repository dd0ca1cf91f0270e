"""Addresses, links and codes in a right-to-left e-mail stay whole and in order: each is isolated left to
right (<bdi>/dir="ltr" with unicode-bidi: isolate, and Unicode isolates in the text part), and a long
one wraps inside itself instead of pushing the text out or starting on the wrong side."""

import re

import pytest

from outbox import layout, services

pytestmark = pytest.mark.django_db

FSI, PDI = "\u2068", "\u2069"
ADDRESS = "very.long.firstname.lastname.department@integration-services.city-of-example.org"
URL = "https://learning.example.org/ar/learning/invitations/0f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e/accept/"
CODE = "K7Q2-9XPL"
# The Arabic alef is not a Latin l (RUF001): these are Arabic sentences.
BODY = (
    f"مرحبا،\n\nأرسلنا رسالة إلى {ADDRESS} لتأكيد حسابك.\n"  # noqa: RUF001
    f"رمز الشهادة {CODE} صالح. افتح {URL} للمتابعة.\n\n"
    f"{URL}\n"
)


def isolated(tag: str, text: str, html: str) -> bool:
    """`text` in `html` as an element `tag` that is left to right, isolated and may wrap anywhere."""
    pattern = rf"<{tag}\b[^>]*>{re.escape(text)}</{tag}>"
    elements = re.findall(pattern, html)
    return bool(elements) and all(
        'dir="ltr"' in element
        and "unicode-bidi:isolate" in element
        and "overflow-wrap:anywhere" in element
        and "word-break:break-all" in element
        for element in elements
    )


def test_an_arabic_html_part_isolates_addresses_links_and_codes():
    email = services.email_send(to="nour@example.org", subject="تأكيد", body=BODY, kind="test", language="ar")

    assert isolated("bdi", ADDRESS, email.html)
    assert isolated("bdi", CODE, email.html)
    assert isolated("a", URL, email.html)
    assert email.html.count(f'href="{URL}"') == 2  # the link, character for character, both times


def test_an_arabic_text_part_puts_unicode_isolates_around_them():
    email = services.email_send(to="nour@example.org", subject="تأكيد", body=BODY, kind="test", language="ar")

    # A space inside the isolates: copying the address or following the link never takes them along.
    assert f"إلى {FSI} {ADDRESS} {PDI} لتأكيد" in email.body
    assert f"الشهادة {FSI} {CODE} {PDI} صالح" in email.body
    assert f"افتح {FSI} {URL} {PDI} للمتابعة." in email.body
    assert f"\n{URL}\n" in email.body  # alone on its line: nothing to isolate it from
    assert re.findall(r"https?://\S+", email.body) == [URL, URL]


def test_a_code_or_address_alone_on_its_line_is_left_as_it_is_for_copying():
    body = f"رمز التحقق:\n\n{CODE}\n- {ADDRESS}\n"

    assert layout.text_isolated(body, "ar") == body


def test_left_to_right_languages_get_their_text_unchanged():
    body = f"Nous avons écrit à {ADDRESS} : code {CODE}, {URL}"

    email = services.email_send(to="x@example.org", subject="s", body=body, kind="test", language="fr")

    assert email.body == body
    assert isolated("bdi", ADDRESS, email.html)  # harmless in French, and one rule for every language


def test_ordinary_words_numbers_and_punctuation_are_not_isolated():
    line = "Les 76 participants du SMART plan, p. ex. à Gdańsk, le 11 mars."

    assert layout.text_isolated(line, "ar") == line
    assert "<bdi" not in str(layout._inline(line, "#000000"))
