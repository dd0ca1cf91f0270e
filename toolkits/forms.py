"""Forms for the library filters and for writing, sharing and commenting on action plans.

Everything a city types is plain text: markup is refused with a clear message (and escaped anyway
wherever it is shown), so a plan reads the same on screen, in PDF and in DOCX.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.forms import (
    LineTextField,
    ModelIdChoiceField,
    ModelMultipleIdChoiceField,
    MultilineTextField,
    PlainTextField,
)
from accounts.validators import validate_multiline, validate_single_line

from .models import ActionPlan, Organisation, ToolkitPage

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def validate_no_markup(value: str) -> None:
    if value and MARKUP.search(value):
        raise ValidationError(
            _("Write plain text: HTML tags such as <script> or <b> are not allowed."), code="markup"
        )


class PlanTextField(MultilineTextField):
    """Multi-line text of a plan: kept as typed (line breaks too), refused if it carries markup or
    control characters (a vertical tab makes the DOCX export invalid)."""

    default_validators = [validate_multiline, validate_no_markup]

    def __init__(self, *, rows: int = 4, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(**kwargs)


class PlanLineField(LineTextField):
    default_validators = [validate_single_line, validate_no_markup]

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


# --- Library ------------------------------------------------------------------------------------------
class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(
        label=_("Documents in"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=[("", _("Everyone")), *ToolkitPage.Audience.choices]
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Any format")), *ToolkitPage.Format.choices]
    )

    def __init__(self, *args, choices: dict, **kwargs):
        """`choices` are the library's themes, cities and countries (library.library_choices)."""
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes")), *choices["themes"]]
        self.fields["city"].choices = [("", _("All cities")), *((c, c) for c in choices["cities"])]
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((code, countries.name(code)) for code in choices["countries"]),
        ]

    def filters(self) -> dict:
        """The valid filters only: a stale or hand-edited link narrows nothing instead of failing."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}

    def full_clean(self):
        super().full_clean()
        # Invalid filter values are ignored, not reported: the library always answers 200.
        for name in list(self._errors or {}):
            self.cleaned_data.pop(name, None)
        self._errors = forms.utils.ErrorDict()


# --- Plans --------------------------------------------------------------------------------------------
class PlanCreateForm(forms.Form):
    title = PlainTextField(label=_("Title of your plan"), max_length=200)
    organisation = ModelIdChoiceField(label=_("For"), queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class PlanShareForm(forms.Form):
    organisations = ModelMultipleIdChoiceField(
        label=_("Share with"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Their members can read the plan and comment on each section, but not edit it."),
    )

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.exclude(pk=plan.organisation_id)
        self.fields["organisations"].initial = list(plan.shared_with.values_list("pk", flat=True))


class CommentForm(forms.Form):
    body = PlanTextField(label=_("Your comment"), max_length=2000, required=True, rows=3)


class DownloadConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Count my downloads under my city and organisation"),
        required=False,
        help_text=_("Only your profile's city and organisation are recorded, never your name."),
    )


# --- Plan sections ------------------------------------------------------------------------------------
class SectionForm(forms.Form):
    """The version the person started from travels with the form, to detect concurrent edits."""

    # The column is a 32-bit integer: a bigger number (forged) is refused, not sent to the database.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args, section, **kwargs):
        self.section = section
        self.definition = section.definition
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        # A hidden field's error would show nowhere: say it above the form, where the person looks.
        if self._errors.pop("version", None):
            raise ValidationError(
                _("This page is out of date. Copy your text, reload the page and save again."), code="version"
            )
        return data

    def content(self) -> dict:
        return {}


class GuidanceForm(SectionForm):
    pass


class FreeTextForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"] = PlanTextField(
            label=self.definition["title"], max_length=self.definition.get("max_length", 5000), rows=10
        )

    def content(self) -> dict:
        return {"text": self.cleaned_data["text"]}


class QuestionsForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(self.definition.get("questions", [])):
            self.fields[f"answer_{number}"] = PlanTextField(label=question, max_length=5000, rows=4)

    def content(self) -> dict:
        count = len(self.definition.get("questions", []))
        return {"answers": [self.cleaned_data[f"answer_{n}"] for n in range(count)]}


SCALE = [("", "—"), *((str(n), str(n)) for n in range(1, 6))]


class AssessmentForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, statement in enumerate(self.definition.get("statements", [])):
            self.fields[f"score_{number}"] = forms.TypedChoiceField(
                label=statement, choices=SCALE, coerce=int, empty_value=None, required=False
            )
        self.fields["comment"] = PlanTextField(label=_("Comment"), max_length=3000, rows=3)

    def content(self) -> dict:
        count = len(self.definition.get("statements", []))
        return {
            "scores": [self.cleaned_data[f"score_{n}"] for n in range(count)],
            "comment": self.cleaned_data["comment"],
        }


class RowsForm(SectionForm):
    """Sections made of rows keep them in a formset next to this form."""

    def __init__(self, *args, formset, **kwargs):
        super().__init__(*args, **kwargs)
        self.formset = formset

    def content(self) -> dict:
        return {"rows": [row for row in self.formset.rows() if any(row.values())]}


class RowForm(forms.Form):
    required_field = ""

    def clean(self):
        data = super().clean()
        filled = any(value not in (None, "") for value in data.values())
        if filled and not data.get(self.required_field) and self.required_field not in self.errors:
            self.add_error(
                self.required_field, _("Fill in this column, or clear the whole row to remove it.")
            )
        return data

    def row(self) -> dict:
        return {
            name: (
                value.isoformat() if hasattr(value, "isoformat") else str(value) if value is not None else ""
            )
            for name, value in self.cleaned_data.items()
        }


def _check_order(form, start: str, end: str) -> None:
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and last < first:
        form.add_error(end, _("The end date must be on or after the start date."))


DATE = {"required": False, "widget": forms.DateInput(attrs={"type": "date"})}


class ActionRowForm(RowForm):
    required_field = "action"
    action = PlanLineField(label=_("Action"), max_length=300)
    owner = PlanLineField(label=_("Owner"), max_length=150)
    partners = PlanLineField(label=_("Partners"), max_length=300)
    start = forms.DateField(label=_("Start"), **DATE)
    end = forms.DateField(label=_("End"), **DATE)
    budget = forms.DecimalField(
        label=_("Budget (€)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    indicator = PlanLineField(label=_("Indicator"), max_length=300)
    target = PlanLineField(label=_("Target"), max_length=300)

    def clean(self):
        data = super().clean()
        _check_order(self, "start", "end")
        return data


class GoalRowForm(RowForm):
    required_field = "goal"
    goal = PlanLineField(label=_("Specific goal"), max_length=300)
    indicator = PlanLineField(label=_("Measurable indicator"), max_length=300)
    target = PlanLineField(label=_("Achievable target"), max_length=200)
    relevance = PlanLineField(label=_("Why it matters"), max_length=300)
    deadline = forms.DateField(label=_("Time-bound: deadline"), **DATE)


LEVELS = [("", "—"), ("low", _("Low")), ("medium", _("Medium")), ("high", _("High"))]


class RiskRowForm(RowForm):
    required_field = "risk"
    risk = PlanLineField(label=_("Risk"), max_length=300)
    likelihood = forms.ChoiceField(label=_("Likelihood"), choices=LEVELS, required=False)
    impact = forms.ChoiceField(label=_("Impact"), choices=LEVELS, required=False)
    mitigation = PlanLineField(label=_("Mitigation"), max_length=500)


class BaseRowFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        return [form.row() for form in self.forms if form.is_valid()]


ROW_FORMS = {"actions": ActionRowForm, "goals": GoalRowForm, "risks": RiskRowForm}
SECTION_FORMS = {
    "guidance": GuidanceForm,
    "free_text": FreeTextForm,
    "questions": QuestionsForm,
    "assessment": AssessmentForm,
}
MAX_ROWS = 40
EXTRA_ROWS = 3


def row_formset_class(section_type: str):
    return forms.formset_factory(
        ROW_FORMS[section_type],
        formset=BaseRowFormSet,
        extra=EXTRA_ROWS,
        max_num=MAX_ROWS,
        validate_max=True,
        absolute_max=MAX_ROWS + EXTRA_ROWS,
    )


def section_form(section, data=None) -> SectionForm:
    """The form for one section, filled from what is saved (or from `data` when the person submits)."""
    kind = section.definition["type"]
    content = section.content or {}
    initial = {"version": section.version}
    if kind in ROW_FORMS:
        # A submitted table is taken as typed, never compared with what is saved: autosave leaves the
        # page's management form as it was, so a row saved by the previous autosave would come back
        # as an "extra" form whose data equals its initial, read as unchanged and dropped (the rows
        # then vanished on every other save).
        rows = None if data is not None else content.get("rows", [])
        formset = row_formset_class(kind)(data, initial=rows, prefix=f"rows-{section.key}")
        return RowsForm(data, initial=initial, section=section, formset=formset, prefix=None)
    if kind == "free_text":
        initial["text"] = content.get("text", "")
    elif kind == "questions":
        initial.update({f"answer_{n}": a for n, a in enumerate(content.get("answers", []))})
    elif kind == "assessment":
        initial.update({f"score_{n}": s for n, s in enumerate(content.get("scores", []))})
        initial["comment"] = content.get("comment", "")
    return SECTION_FORMS[kind](data, initial=initial, section=section)


def section_is_valid(form: SectionForm) -> bool:
    formset = getattr(form, "formset", None)
    valid = form.is_valid()
    return (formset.is_valid() if formset is not None else True) and valid
