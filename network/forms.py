from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import LineTextField, MultilineTextField
from learning.workspace.forms import BootstrapMixin

from .languages import SPOKEN_LANGUAGES
from .models import BIO_MAX_LENGTH, MESSAGE_MAX_LENGTH, DirectoryProfile

SHOWN_FIELDS = [
    "show_name",
    "show_languages",
    "show_city",
    "show_organisation",
    "show_topics",
    "show_bio",
    "show_courses",
]


class _Styled(BootstrapMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class DirectorySettingsForm(_Styled, forms.Form):
    """Whether the person is listed, what others see of them, and the directory's own fields."""

    listed = forms.BooleanField(
        label=_("Show me in the directory"),
        required=False,
        help_text=_(
            "Only people signed in to the platform see the directory. Your e-mail address is never shown."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics I work on"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes of my city work"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    bio = MultilineTextField(
        label=_("A short introduction"),
        max_length=BIO_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto", "maxlength": BIO_MAX_LENGTH}),
        help_text=_(
            "Plain text, %(count)s characters at most: what you do, what you would like to talk about."
        )
        % {"count": BIO_MAX_LENGTH},
    )

    def __init__(self, *args, topics=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in SHOWN_FIELDS:
            self.fields[name] = forms.BooleanField(
                label=DirectoryProfile._meta.get_field(name).verbose_name, required=False
            )
        self.fields["topics"].choices = list(topics)
        self.fields["themes"].choices = list(themes)
        self._style()

    @classmethod
    def initial_of(cls, profile: DirectoryProfile) -> dict:
        return {
            "listed": profile.listed,
            **{name: getattr(profile, name) for name in SHOWN_FIELDS},
            "languages": [lang.code for lang in profile.languages.all()],
            "topics": [t.pk for t in profile.topics.all()],
            "themes": [t.pk for t in profile.themes.all()],
            "bio": profile.bio,
        }

    def shown(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in SHOWN_FIELDS}


class DirectoryFilterForm(forms.Form):
    """The directory's filters, sent by GET. Unknown values are dropped, as in the catalogue: a stale
    link still lists people."""

    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    theme = forms.TypedChoiceField(
        label=_("Theme of city work"), required=False, coerce=int, empty_value=None
    )
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    city = LineTextField(label=_("City"), required=False, max_length=100)
    course = forms.TypedChoiceField(label=_("Course completed"), required=False, empty_value=None)

    def __init__(self, *args, topics=(), themes=(), courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *topics]
        self.fields["theme"].choices = [("", _("All themes")), *themes]
        self.fields["language"].choices = [("", _("All languages")), *SPOKEN_LANGUAGES]
        self.fields["course"].choices = [("", _("Any course")), *((str(k), t) for k, t in courses)]
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            )
        self.fields["city"].widget.attrs["dir"] = "auto"

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class MessageForm(_Styled, forms.Form):
    body = MultilineTextField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("Plain text. Leave an empty line between paragraphs; web addresses become links."),
    )
