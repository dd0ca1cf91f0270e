"""A post's text as HTML, made on the server from plain text: nothing a person types becomes markup.

Paragraphs (a blank line), line breaks, and web addresses as links that show where they lead (their host
beside them) and carry rel="nofollow ugc". No images, no other markup: a post cannot load anything from
elsewhere or look like the site's own interface.
"""

import re
from urllib.parse import urlsplit

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# Punctuation that ends a sentence is not part of the address it follows.
TRAILING = ".,;:!?)]}»\u201d\u2019\u060c\u3002"


def _link(url: str) -> str:
    stripped = url.rstrip(TRAILING)
    tail = url[len(stripped) :]
    host = urlsplit(stripped).hostname or ""
    if not host:
        return escape(url)
    # <bdi> keeps an address left to right inside right-to-left text, and the host is what a reader checks.
    return (
        f'<a href="{escape(stripped)}" rel="nofollow ugc noopener" class="post-link"><bdi>{escape(stripped)}'
        f'</bdi></a> <span class="post-link-host">({escape(host)})</span>{escape(tail)}'
    )


def _line(line: str) -> str:
    parts, last = [], 0
    for match in URL.finditer(line):
        parts.append(escape(line[last : match.start()]))
        parts.append(_link(match.group(0)))
        last = match.end()
    parts.append(escape(line[last:]))
    return "".join(parts)


def render_post(text: str) -> SafeString:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    html = "".join("<p>" + "<br>".join(_line(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    return mark_safe(html)  # noqa: S308 -- every piece of the person's text went through escape() above


def excerpt(text: str, length: int = 280) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
