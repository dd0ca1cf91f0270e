"""The long-list widgets (core/widgets.py) write exactly the HTML Django's own widgets write."""

import zoneinfo

import pytest
from django import forms

from core.widgets import LongSelect, LongSelectMultiple

ZONES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]
AWKWARD = [
    ("", "Not specified"),
    ("a&b", "<b>bold</b> & \"quoted\" 'single'"),
    (3, "a number"),
    ("Europe/Brussels", "Brussels"),
    ("Cities", [("x", "X"), ("y<", "Y>")]),  # an optgroup
    ("ابجد", "العربية"),
]
ATTRS = [
    {},
    {"class": "form-select", "required": True, "disabled": False, "aria-describedby": 'help "x" <y>'},
]


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", [None, "", "a&b", "3", "y<", "Europe/Brussels", "missing"])
@pytest.mark.parametrize("choices", [AWKWARD, ZONES], ids=["awkward", "zones"])
def test_a_long_select_writes_what_django_writes(choices, value, attrs):
    ours = LongSelect(attrs=attrs, choices=choices).render("zone", value, attrs={"id": "id_zone"})
    django = forms.Select(attrs=attrs, choices=choices).render("zone", value, attrs={"id": "id_zone"})
    assert ours == django
    assert ours.count("<option") == sum(len(c) if isinstance(c, list) else 1 for _v, c in choices)


@pytest.mark.parametrize("value", [None, [], ["a&b", "y<"], ["3"]])
def test_a_long_multiple_select_writes_what_django_writes(value):
    ours = LongSelectMultiple(choices=AWKWARD).render("many", value, attrs={"id": "id_many"})
    django = forms.SelectMultiple(choices=AWKWARD).render("many", value, attrs={"id": "id_many"})
    assert ours == django
    assert "multiple" in ours


def test_the_option_text_is_escaped():
    html = LongSelect(choices=AWKWARD).render("zone", "a&b")
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert '<option value="a&amp;b" selected>' in html
