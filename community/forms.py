from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import LineTextField, MultilineTextField
from learning.workspace.forms import BootstrapMixin

from .models import POST_MAX_LENGTH, Report


class _Styled(BootstrapMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class PostForm(_Styled, forms.Form):
    body = MultilineTextField(
        label=_("Your reply"),
        max_length=POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("Plain text. Leave an empty line between paragraphs; web addresses become links."),
    )
    quote = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ThreadForm(_Styled, forms.Form):
    title = LineTextField(label=_("Title"), max_length=150, widget=forms.TextInput(attrs={"dir": "auto"}))
    body = MultilineTextField(
        label=_("Message"),
        max_length=POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_("Plain text. Leave an empty line between paragraphs; web addresses become links."),
    )
    qa = forms.BooleanField(
        label=_("Question and answer: trainees see the others' replies only after posting their own"),
        required=False,
    )

    def __init__(self, *args, moderator: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not moderator:
            del self.fields["qa"]


class ReportForm(_Styled, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at it?"), choices=Report.Reason, widget=forms.RadioSelect
    )
    details = LineTextField(label=_("Details (optional)"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget.attrs["class"] = "form-check-input"


class ModerationForm(_Styled, forms.Form):
    note = LineTextField(
        label=_("Note for the other moderators"),
        max_length=500,
        help_text=_("Why you hide or restore this post. The author does not see it."),
    )


class SearchForm(forms.Form):
    q = LineTextField(label=_("Search this space"), max_length=100, required=False)
