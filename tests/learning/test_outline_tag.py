# ruff: noqa: E501 (the expected HTML, one line per list item as the tag writes it)
"""The outline tag's HTML, byte for byte: it is built with f-strings over escaped values (for speed),
and must give what the format_html version gave (these strings are that version's output)."""

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from learning.selectors import OutlineEntry
from learning.templatetags.learning_tags import course_outline

OUTLINE = [
    OutlineEntry("module", 1, "Start & <basics>", "/m/", "k1", True, None),
    OutlineEntry("lesson", 2, 'Reading "quotes"', "/l/2/?a=1&b=2", "k2", True, 5),
    OutlineEntry("lesson", 3, "Optional one", "/l/3/", "k3", False, None),
    OutlineEntry("lesson", 4, "Fourth", "/l/4/", "k4", True, None),
]


class Current:
    pk = 3


def render(**kwargs) -> str:
    with override("en"):
        html = course_outline(**kwargs)
    assert isinstance(html, SafeString)  # the template does not escape it again
    return str(html)


def test_enrolled_reader_with_links_current_lesson_and_title_language():
    html = render(
        outline=OUTLINE,
        done_keys={"k2"},
        enrolment=object(),
        link_lessons=True,
        current=Current(),
        title_language=mark_safe('lang="en" dir="ltr"'),
    )
    assert html == (
        '<ol class="list-unstyled course-outline mb-0"><li class="fw-bold mt-3 mb-1" lang="en" dir="ltr">Start &amp; &lt;basics&gt;</li>\n'
        '<li class="d-flex gap-2 py-1"><span class="status-done" aria-hidden="true">✓</span><span class="visually-hidden">Completed:</span> <a href="/l/2/?a=1&amp;b=2" lang="en" dir="ltr">Reading &quot;quotes&quot;</a> </li>\n'
        '<li class="d-flex gap-2 py-1 fw-semibold"><span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">Not completed:</span> <a href="/l/3/" aria-current="page" lang="en" dir="ltr">Optional one</a> <span class="badge text-bg-light">optional</span></li>\n'
        '<li class="d-flex gap-2 py-1"><span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">Not completed:</span> <a href="/l/4/" lang="en" dir="ltr">Fourth</a> </li></ol>'
    )


def test_visitor_without_enrolment_sees_no_status_and_no_links():
    assert render(outline=OUTLINE, done_keys=None) == (
        '<ol class="list-unstyled course-outline mb-0"><li class="fw-bold mt-3 mb-1">Start &amp; &lt;basics&gt;</li>\n'
        '<li class="d-flex gap-2 py-1"> <span>Reading &quot;quotes&quot;</span> </li>\n'
        '<li class="d-flex gap-2 py-1"> <span>Optional one</span> <span class="badge text-bg-light">optional</span></li>\n'
        '<li class="d-flex gap-2 py-1"> <span>Fourth</span> </li></ol>'
    )


def test_enrolled_reader_without_links():
    assert render(outline=OUTLINE, done_keys=set(), enrolment=object()) == (
        '<ol class="list-unstyled course-outline mb-0"><li class="fw-bold mt-3 mb-1">Start &amp; &lt;basics&gt;</li>\n'
        '<li class="d-flex gap-2 py-1"><span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">Not completed:</span> <span>Reading &quot;quotes&quot;</span> </li>\n'
        '<li class="d-flex gap-2 py-1"><span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">Not completed:</span> <span>Optional one</span> <span class="badge text-bg-light">optional</span></li>\n'
        '<li class="d-flex gap-2 py-1"><span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">Not completed:</span> <span>Fourth</span> </li></ol>'
    )


def test_empty_outline():
    assert render(outline=[], done_keys=set()) == (
        '<ol class="list-unstyled course-outline mb-0"><li>Lessons will be published soon.</li></ol>'
    )
