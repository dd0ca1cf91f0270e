from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import CoursePage, Topic


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.none(), required=False, empty_label=_("All topics")
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(locale=locale) if locale else Topic.objects.all()
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]
        self.fields["format"].choices = [("", _("All formats")), *CoursePage.Format.choices]
        self.fields["level"].choices = [("", _("All levels")), *CoursePage.Level.choices]


class EnrolForm(forms.Form):
    invite_code = forms.CharField(label=_("Invitation code"), required=False, max_length=40, strip=True)


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000, strip=True
    )

    def __init__(self, *args, min_words: int = 0, block_id: str = "", **kwargs):
        # A lesson can ask several reflections: each form's field ids must be unique on the page.
        kwargs.setdefault("auto_id", f"reflection-{block_id}-%s")
        super().__init__(*args, **kwargs)
        self.min_words = min_words

    def clean_text(self):
        text = self.cleaned_data["text"]
        words = len(text.split())
        if words < self.min_words:
            raise forms.ValidationError(
                ngettext(
                    "Write at least %(min)d word (you wrote %(count)d).",
                    "Write at least %(min)d words (you wrote %(count)d).",
                    self.min_words,
                )
                % {"min": self.min_words, "count": words}
            )
        return text
