"""The check-in form: a status and a note for every action of the plan, a value for every indicator.

Each row carries, hidden, which action or indicator it answers (section and row). The rows sent must
be exactly the plan's, in its order: a row the plan does not have (a forged one) is refused, and so is
a form opened before a colleague reopened the plan and changed its actions, rather than filing a status
under the wrong action.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..forms import PlanLineField, PlanTextField
from ..models import CheckInActionUpdate


class ActionUpdateForm(forms.Form):
    ref = forms.CharField(widget=forms.HiddenInput, max_length=80)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=CheckInActionUpdate.Status.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    note = PlanLineField(
        label=_("Note"), max_length=500, widget=forms.TextInput(attrs={"class": "form-control"})
    )


class IndicatorValueForm(forms.Form):
    ref = forms.CharField(widget=forms.HiddenInput, max_length=80)
    value = PlanLineField(
        label=_("Current value"), max_length=100, widget=forms.TextInput(attrs={"class": "form-control"})
    )


class ItemFormSet(forms.BaseFormSet):
    """One form per item of the plan; `items` are the plan's (selectors.plan_items)."""

    def __init__(self, *args, items, **kwargs):
        self.items = items
        super().__init__(*args, **kwargs)
        for number, form in enumerate(self.forms):
            # A form beyond the plan's rows (a forged management form) answers nothing: refused in clean().
            form.item = self.items[number] if number < len(self.items) else None

    def clean(self):
        # Checked even when a row has other errors: the ref is valid on its own.
        sent = [form.cleaned_data.get("ref") for form in self.forms]
        known = [item.ref for item in self.items]
        if sent == known:
            return
        if set(sent) - set(known):
            raise ValidationError(
                _("This form names a row the plan does not have. Reload the page and fill it in again."),
                code="unknown",
            )
        raise ValidationError(
            _("The plan's actions changed since you opened this page. Reload it: what was saved is kept."),
            code="changed",
        )


def _formset(form_class, items, data, prefix, initial):
    count = len(items)
    # Exactly the plan's rows: never more forms than it has, whatever a forged management form says.
    formset_class = forms.formset_factory(
        form_class, formset=ItemFormSet, extra=0, max_num=count, absolute_max=count + 1
    )
    return formset_class(data, items=items, prefix=prefix, initial=initial)


class CommentForm(forms.Form):
    body = PlanTextField(label=_("Your comment"), max_length=2000, required=True, rows=3)


class CheckInForm:
    """The two formsets of one check-in, validated and read together."""

    def __init__(self, data=None, *, actions, indicators, report: dict):
        reported, values = report["actions"], report["indicators"]
        self.actions = _formset(
            ActionUpdateForm,
            actions,
            data,
            "actions",
            [
                {
                    "ref": item.ref,
                    "status": reported.get(item.ref, {}).get(
                        "status", CheckInActionUpdate.Status.NOT_STARTED
                    ),
                    "note": reported.get(item.ref, {}).get("note", ""),
                }
                for item in actions
            ],
        )
        self.indicators = _formset(
            IndicatorValueForm,
            indicators,
            data,
            "indicators",
            [{"ref": item.ref, "value": values.get(item.ref, {}).get("value", "")} for item in indicators],
        )

    def is_valid(self) -> bool:
        actions_valid = self.actions.is_valid()
        return self.indicators.is_valid() and actions_valid

    @property
    def non_form_errors(self) -> list:
        return [*self.actions.non_form_errors(), *self.indicators.non_form_errors()]

    def action_rows(self) -> list[dict]:
        return [
            {
                "section_key": form.item.section_key,
                "row": form.item.row,
                "action": form.item.text[:300],
                "status": form.cleaned_data["status"],
                "note": form.cleaned_data["note"],
            }
            for form in self.actions.forms
        ]

    def indicator_rows(self) -> list[dict]:
        return [
            {
                "section_key": form.item.section_key,
                "row": form.item.row,
                "indicator": form.item.text[:300],
                "target": form.item.target[:300],
                "value": form.cleaned_data["value"],
            }
            for form in self.indicators.forms
        ]
