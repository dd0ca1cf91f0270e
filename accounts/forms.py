from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connections
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect

from . import consent, services
from .models import LegalDocument, User, time_zone_choices
from .validators import (
    normalise_lines,
    normalise_text,
    validate_multiline,
    validate_plain_text,
    validate_single_line,
)


class LineTextField(forms.CharField):
    """Any one line a person types (a title, a subject): NFC-normalised, trimmed, free of invisible
    control characters. The base of every single-line text field of the site's forms."""

    default_validators = [validate_single_line]

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_text(value) if value else value


class PlainTextField(LineTextField):
    """A line of text about a person: NFC-normalised and trimmed, free of markup and invisible controls."""

    default_validators = [validate_plain_text]


class MultilineTextField(forms.CharField):
    """Text of several lines (a message, a plan section): line breaks and tabs kept, other control
    characters refused, line endings made one kind."""

    default_validators = [validate_multiline]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_lines(value) if value else value


class SignupForm(AllauthSignupForm):
    """allauth's signup plus what we need from the first minute: a name and a language."""

    display_name = PlainTextField(
        label=_("Your name"),
        max_length=User._meta.get_field("display_name").max_length,
        help_text=_("How you appear to trainers and other participants. You can change it later."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    field_order = ["display_name", "email", "password1", "password2", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        # Nothing to accept while no version of the notice or the terms is published.
        self.legal_versions = consent.current_versions()
        if self.legal_versions:
            self.fields["accept_legal"] = forms.BooleanField(
                label=legal_label(self.legal_versions),
                error_messages={"required": legal_required_message(self.legal_versions)},
            )

    def save(self, request):
        user = super().save(request)
        if self.legal_versions:
            services.legal_accept(user=user, versions=self.legal_versions, language=get_language())
        return user

    def try_save(self, request):
        # allauth answers an address that already has an account with the same page as a new signup
        # (ACCOUNT_PREVENT_ENUMERATION) and only sends a mail; a new account also hashes its password,
        # the slow part. Hashing here too makes both answers take the same time, so that the response
        # time does not tell who has an account. Both mails go through the task queue (outbox).
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


def _legal_link(version) -> str:
    # A new tab, so that what was typed in the form is still there when the reader comes back.
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}</a>',
        consent.page_url(version),
        version.get_document_display(),
    )


def legal_label(versions) -> str:
    """ "I have read and accept the privacy notice and the terms of use", each a link to its page in the
    reader's language."""
    links = {version.document: _legal_link(version) for version in versions}
    if len(links) == 2:
        text = _("I have read and accept the {privacy} and the {terms} (they open in a new tab).")
        return format_html(text, privacy=links[LegalDocument.PRIVACY], terms=links[LegalDocument.TERMS])
    return format_html(
        _("I have read and accept the {document} (it opens in a new tab)."),
        document=next(iter(links.values())),
    )


def legal_required_message(versions) -> str:
    documents = {version.document for version in versions}
    if len(documents) == 2:
        return _("To go on, please tick the box to accept the privacy notice and the terms of use.")
    if LegalDocument.PRIVACY in documents:
        return _("To go on, please tick the box to accept the privacy notice.")
    return _("To go on, please tick the box to accept the terms of use.")


class ConsentForm(forms.Form):
    """The acceptance page's form: the box, the versions it was shown (a newer one published meanwhile is
    not accepted unseen) and where to go next."""

    versions = forms.CharField(widget=forms.HiddenInput, max_length=200)
    next = LineTextField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.legal_versions = versions
        self.fields["versions"].initial = version_stamp(versions)
        self.fields["accept_legal"] = forms.BooleanField(
            label=legal_label(versions), error_messages={"required": legal_required_message(versions)}
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("versions") != version_stamp(self.legal_versions):
            # Shown with the new version's changes; the box must be ticked again for it.
            self.add_error(
                None,
                _("A newer version was published while you were reading. Please read what changed below."),
            )
        return cleaned


def version_stamp(versions) -> str:
    return ",".join(str(version.pk) for version in versions)


class ProfileForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Say what an empty choice means instead of Django's "---------".
        self.fields["time_zone"].choices = [("", _("Use my browser's time zone")), *time_zone_choices()]
        for name in ("country", "nationality"):
            self.fields[name].choices = [("", _("Not specified")), *list(self.fields[name].choices)[1:]]

    class Meta:
        model = User
        fields = [
            "display_name",
            "certificate_name",
            "language",
            "time_zone",
            "city",
            "country",
            "organisation",
            "nationality",
            "show_nationality",
            "low_data",
        ]
        field_classes = {
            "display_name": PlainTextField,
            "certificate_name": PlainTextField,
            "city": PlainTextField,
            "organisation": PlainTextField,
        }
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "certificate_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            # About 600 zones and twice 250 countries: written in Python, not one template per option.
            "time_zone": LongSelect,
            "country": LongSelect,
            "nationality": LongSelect,
        }


class IdRangeMixin:
    """For model choice fields with integer keys: a number the database cannot hold is refused with the
    field's own "not a valid choice" message instead of reaching the query.

    Django checks the range of an integer in single lookups on an integer column, but not in the `__in`
    query of a multiple choice, nor through a page's key (`page_ptr`, a one-to-one link): an id like
    9223372036854775808 reached SQLite (OverflowError) or PostgreSQL (a DataError) and answered 500."""

    def out_of_range(self, value) -> bool:
        meta = self.queryset.model._meta
        field = meta.pk if (self.to_field_name or "pk") == "pk" else meta.get_field(self.to_field_name)
        while getattr(field, "target_field", None) is not None and field.is_relation:
            field = field.target_field  # the integer column a one-to-one or foreign key stores
        try:
            low, high = connections[self.queryset.db].ops.integer_field_range(field.get_internal_type())
            number = int(str(value).strip())
        except (KeyError, TypeError, ValueError):  # not an integer key, or not a number: Django decides
            return False
        return (low is not None and number < low) or (high is not None and number > high)


class ModelIdChoiceField(IdRangeMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and self.out_of_range(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleIdChoiceField(IdRangeMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            if self.out_of_range(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data will be deleted and cannot be recovered."),
    )


class LanguageOfferForm(forms.Form):
    """The answer to "Use this language for your e-mails and certificates too?" (accounts.language_offer)."""

    ACCEPT = "accept"
    DECLINE = "decline"

    language = forms.ChoiceField(choices=settings.LANGUAGES, widget=forms.HiddenInput)
    # The two submit buttons' values; never shown as choices, so not translated.
    answer = forms.ChoiceField(choices=[(ACCEPT, ACCEPT), (DECLINE, DECLINE)])
    next = LineTextField(required=False, max_length=2000, widget=forms.HiddenInput)
