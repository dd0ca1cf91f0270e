"""A title per language, for people's data that editors and trainers name (cohorts).

Pages are translated with wagtail-localize; a cohort is a row of people's data, not content, so its
title is translated where it is edited: one optional box per configured language beside the title in the
cohort's own language. Readers get the title in their language, else in the cohort's own.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TitlesWidget(forms.MultiWidget):
    """One labelled text box per language."""

    template_name = "learning/widgets/titles.html"

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput() for _code in settings.LANGUAGES], attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _name in settings.LANGUAGES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        for subwidget, (code, autonym) in zip(subwidgets, settings.LANGUAGES, strict=True):
            subwidget["language"], subwidget["autonym"] = code, autonym
            subwidget["attrs"].update({"lang": code, "dir": "auto", "maxlength": TitlesField.MAX_LENGTH})
        return context


class TitlesFormField(forms.MultiValueField):
    widget = TitlesWidget

    def __init__(self, **kwargs):
        for name in ("encoder", "decoder", "max_length"):
            kwargs.pop(name, None)
        # Every box is optional: a language without one shows the title in the cohort's own language.
        fields = [
            forms.CharField(max_length=TitlesField.MAX_LENGTH, required=False) for _code in settings.LANGUAGES
        ]
        super().__init__(fields, require_all_fields=False, **{**kwargs, "required": False})

    def compress(self, data_list) -> dict[str, str]:
        pairs = zip((code for code, _name in settings.LANGUAGES), data_list or [], strict=False)
        return {code: title.strip() for code, title in pairs if title and title.strip()}


class TitlesField(models.JSONField):
    """{language code: title}, edited as one box per configured language."""

    MAX_LENGTH = 150

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": TitlesFormField, **kwargs})


def title_in(titles: dict, own_title: str, language: str) -> str:
    """The title in `language`, falling back to the title in the item's own language."""
    return (titles or {}).get(language) or own_title


TITLES_HELP = _(
    "Optional: the title as readers of each language should see it. An empty box shows the title in the "
    "cohort's language."
)
