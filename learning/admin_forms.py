"""Admin forms that route changes to enrolments, cohorts and live sessions through the services, so staff
obey capacity, the waitlist and time zones like everyone."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.time_zones import grouped_time_zone_choices

from . import exceptions, services
from .forms import SessionTimesMixin
from .models import Cohort, Enrolment, LiveSession
from .workspace import services as workspace_services

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


class CohortAdminForm(WagtailAdminModelForm):
    """Editing goes through cohort_update: capacity never below the seats taken, new seats to the
    waitlist, the course fixed once people enrolled. A new cohort has nothing to protect yet."""

    class Meta:
        model = Cohort
        fields = ["course", *Cohort.SETTINGS_FIELDS, "invite_code", "trainers"]

    def save(self, commit=True):
        if self.instance._state.adding:
            return super().save(commit=commit)
        changes = {name: self.cleaned_data[name] for name in self.changed_data if name != "trainers"}
        try:
            return services.cohort_update(
                cohort=self.instance, changes=changes, trainers=self.cleaned_data["trainers"]
            )
        except exceptions.LearningError as error:
            raise forms.ValidationError(error.message) from error


class LiveSessionAdminForm(SessionTimesMixin, WagtailAdminModelForm):
    """The same times as the workspace's form: typed in the session's own zone, stored in UTC."""

    class Meta:
        model = LiveSession
        fields = [
            "cohort",
            "lesson_key",
            "title",
            "starts_at",
            "ends_at",
            "time_zone",
            "location",
            "online_url",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = grouped_time_zone_choices(self.instance.time_zone)
        self.show_times_in_session_zone()

    def save(self, commit=True):
        data = {name: self.cleaned_data[name] for name in self._meta.fields if name != "cohort"}
        if self.instance._state.adding:
            return workspace_services.session_create(cohort=self.cleaned_data["cohort"], data=data)
        return workspace_services.session_update(
            session=self.instance, data={**data, "cohort": self.cleaned_data["cohort"]}
        )
