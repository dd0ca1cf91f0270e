import zoneinfo
from datetime import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
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


class SessionTimesMixin:
    """A live session's start and end are typed as wall-clock times in the session's own time zone.

    The one conversion path for the workspace's session form and the Wagtail admin's: a form field reads
    "10:00" in the viewer's active time zone, so each time is re-read as that wall-clock time in the
    chosen zone (10:00 America/New_York is stored as 15:00 UTC whoever types it), and an existing
    session's times are shown in its zone, so saving it again never shifts it.
    """

    time_fields = ("starts_at", "ends_at")

    def show_times_in_session_zone(self):
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None or self.is_bound:
            return
        zone = zoneinfo.ZoneInfo(instance.time_zone)
        for name in self.time_fields:
            value = getattr(instance, name)
            if value is not None:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    @staticmethod
    def in_zone(value: datetime, zone: str) -> datetime:
        naive = timezone.make_naive(value) if timezone.is_aware(value) else value
        return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone))

    def clean(self):
        data = super().clean()
        zone, starts, ends = data.get("time_zone"), data.get("starts_at"), data.get("ends_at")
        if zone and starts and ends:
            data["starts_at"], data["ends_at"] = self.in_zone(starts, zone), self.in_zone(ends, zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("ends_at", _("The session must end after it starts."))
        return data
