from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Kind


class PreferencesForm(forms.Form):
    """One choice per kind, as radio buttons (readable and usable without JavaScript)."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current[kind.value],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how you hear of this."),
                    "invalid_choice": _("Choose one of the three."),
                },
            )
