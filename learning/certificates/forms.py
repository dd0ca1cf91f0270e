from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Certificate


class VerifyForm(forms.Form):
    code = forms.RegexField(
        label=_("Verification code"),
        regex=r"^[A-Za-z0-9_-]{10,40}$",
        max_length=40,
        strip=True,
        help_text=_("The code printed under the QR code of the certificate."),
        error_messages={"invalid": _("A code has only letters, digits, - and _. Check it and try again.")},
    )


class RevokeForm(forms.Form):
    """Reasons a person may choose; "reissued" and "erased" are set by their own actions."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[
            (Certificate.Reason.ERROR, Certificate.Reason.ERROR.label),
            (Certificate.Reason.MISCONDUCT, Certificate.Reason.MISCONDUCT.label),
        ],
        help_text=_("Shown on the public verification page."),
    )
    note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For staff only; never shown publicly."),
    )
