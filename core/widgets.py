"""`<select>` widgets that write their options in Python, for long lists.

Django renders every `<option>` through two templates (select_option.html, then attrs.html for its
attributes). The profile form's time zone, country and nationality lists hold about 1,100 options: about
2,200 template renders, most of the time it takes to show or re-show that form. These widgets write the
very same HTML from the very same option dicts (`Select.optgroups`), so they validate, select and
escape exactly as Django's do; tests/core/test_widgets.py compares their output with Django's.
"""

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def html_attrs(attrs: dict) -> str:
    """The attributes as django/forms/widgets/attrs.html writes them: False left out, True bare."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    )


def options_html(optgroups) -> str:
    """The options (and optgroups) as django/forms/widgets/select.html lays them out, line for line."""
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            value, label = conditional_escape(str(option["value"])), conditional_escape(option["label"])
            # The closing newline is select_option.html's own last line.
            parts.append(f'\n  <option value="{value}"{html_attrs(option["attrs"])}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 -- every value above went through conditional_escape


class OptionsInPython:
    template_name = "core/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_html"] = options_html(context["widget"]["optgroups"])
        return context


class LongSelect(OptionsInPython, forms.Select):
    """A `forms.Select` for lists of hundreds of options."""


class LongSelectMultiple(OptionsInPython, forms.SelectMultiple):
    """A `forms.SelectMultiple` for lists of hundreds of options."""
