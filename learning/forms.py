from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import LineTextField, MultilineTextField

from .models import CoursePage


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters, sent by GET. Unknown values are dropped rather than reported: a stale
    or edited link still lists courses."""

    q = LineTextField(label=_("Search"), required=False, max_length=200)
    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            )
        self.fields["q"].widget.input_type = "search"
        self.fields["topic"].choices = [("", _("All topics")), *topics]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]
        self.fields["format"].choices = [("", _("All formats")), *CoursePage.Format.choices]
        self.fields["level"].choices = [("", _("All levels")), *CoursePage.Level.choices]

    def filters(self) -> dict:
        """The valid filters, each on its own: one wrong value does not discard the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class EnrolForm(forms.Form):
    invite_code = LineTextField(label=_("Invitation code"), required=False, max_length=40)


class ReflectionForm(forms.Form):
    text = MultilineTextField(
        label=_("Your reflection"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000
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
