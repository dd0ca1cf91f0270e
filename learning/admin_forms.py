"""Admin forms that route enrolment changes through the services, so staff obey capacity like everyone."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import exceptions, services
from .models import Enrolment

Status = Enrolment.Status

# Which service performs a change of status chosen in the admin.
TRANSITIONS = {
    Status.ACTIVE: services.enrolment_approve,
    Status.REJECTED: services.enrolment_reject,
    Status.WITHDRAWN: services.enrolment_withdraw,
}


class EnrolmentCreateForm(WagtailAdminModelForm):
    class Meta:
        model = Enrolment
        fields = ["user", "cohort"]

    def save(self, commit=True):
        try:
            return services.enrolment_create(
                user=self.cleaned_data["user"], cohort=self.cleaned_data["cohort"], by_trainer=True
            )
        except exceptions.LearningError as error:
            # The view saves after validation; surface the refusal as a form error in the same request.
            raise forms.ValidationError(error.message) from error


class EnrolmentEditForm(WagtailAdminModelForm):
    class Meta:
        model = Enrolment
        fields = ["status"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status != self.instance.status and status not in TRANSITIONS:
            raise forms.ValidationError(
                _("Choose approve (active), reject or withdraw. Completion follows the course's rules.")
            )
        return status

    def save(self, commit=True):
        status = self.cleaned_data["status"]
        original = Enrolment.objects.get(pk=self.instance.pk)
        if status == original.status:
            return original
        try:
            return TRANSITIONS[status](enrolment=original)
        except exceptions.LearningError as error:
            raise forms.ValidationError(error.message) from error
