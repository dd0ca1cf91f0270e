"""The stored-XSS payloads every payload test writes, and the search for what one of them left in HTML.

tests/browser/test_xss_payloads.py loads pages in a real browser (and counts what runs);
tests/test_xss_people.py renders the people's pages and e-mails with the test client and looks at their
HTML with `html_traces`, the same search the browser test makes in the DOM, done on the parsed page.
"""

import re

import lxml.html

RLO = "\u202e"  # right-to-left override: makes text read backwards, to hide what follows
PAYLOADS = [
    "<script>__xss(1)</script>",
    "<img src=x onerror=__xss(2)>",
    "<svg onload=__xss(3)>",
    "<svg><script>__xss(4)</script></svg>",
    '"><script>__xss(5)</script>',
    "'><img src=x onerror=__xss(6)>",
    '" autofocus onfocus="__xss(7)" x="',
    "' autofocus onfocus='__xss(8)' x='",
    "javascript:__xss(9)",
    '<a href="javascript:__xss(10)">link</a>',
    '<iframe src="javascript:__xss(11)"></iframe>',
    "<body onload=__xss(12)>",
    "<details open ontoggle=__xss(13)>",
    "<input autofocus onfocus=__xss(14)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(15)>",
    "</textarea><script>__xss(16)</script>",
    "</title><script>__xss(17)</script>",
    "</script><script>__xss(18)</script>",
    "XSS-{{7*7}}{{constructor.constructor('__xss(19)')()}}",
    '<div hx-get="/" hx-trigger="load" hx-on::before-request="__xss(20)">',
    '<object data="javascript:__xss(21)"></object>',
    '<embed src="javascript:__xss(22)">',
    '<form><button formaction="javascript:__xss(23)">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(24)">',
    f'{RLO}"><svg onload=__xss(25)>',
    "<scr<script>ipt>__xss(26)</scr</script>ipt>",
    "<IMG SRC=x OnErRoR=__xss(27)>",
    "<img src=x onerror=&#95;&#95;xss(28)>",
    "<svg><animate onbegin=__xss(29) attributeName=x dur=1s>",
    "<video><source onerror=__xss(30)></video>",
    "<audio src=x onerror=__xss(31)>",
    '<noscript><p title="</noscript><img src=x onerror=__xss(32)>">',
    '<a href="&#106;avascript:__xss(33)">link</a>',
    '<svg><a href="javascript:__xss(34)"><text>x</text></a></svg>',
    "XSS-${7*7}`${__xss(35)}`",
    "XSS-{% now 'Y' %}{% debug %}",
    f"{RLO}gnp.exe<script>__xss(37)</script>",
    "<marquee onstart=__xss(38)>",
    '<base href="javascript:__xss(39)//">',
    "%3Cscript%3E__xss(40)%3C%2Fscript%3E",
]
assert len(set(PAYLOADS)) == len(PAYLOADS) and all(len(p) <= 80 for p in PAYLOADS)  # a display name's length
ALL = "\n".join(PAYLOADS)

_HANDLER = re.compile(r"^(on|hx-on)")
_URL_ATTRIBUTES = {"href", "src", "data", "action", "formaction"}
_EVALUATED = re.compile(r"XSS-49|XSS-\d{4}")


def html_traces(html: str) -> list[str]:
    """What a payload that was not escaped leaves in `html` once parsed: an element with an event handler
    naming the canary, a `javascript:` address, a script naming it, a template that was evaluated."""
    if not html.strip():
        return []
    root = lxml.html.document_fromstring(html)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name, value in element.attrib.items():
            name, value = name.lower(), value.lower()
            if _HANDLER.match(name) and "__xss" in value:
                found.append(f"{element.tag} {name}")
            if name in _URL_ATTRIBUTES and re.sub(r"\s", "", value).startswith("javascript:"):
                found.append(f"{element.tag} {name}=javascript:")
        if element.tag in ("script", "style", "iframe", "object", "embed", "base", "meta") and "__xss" in (
            lxml.html.tostring(element, encoding="unicode")
        ):
            found.append(element.tag)
    if _EVALUATED.search(root.text_content()):
        found.append("template evaluated")
    return found


def payloads_shown(html: str) -> set[str]:
    """The numbers of the payloads `html` shows (as text, escaped or not)."""
    shown = set(re.findall(r"__xss\((\d+)\)", html))
    return shown | ({"36"} if "XSS-{% now" in html else set())
