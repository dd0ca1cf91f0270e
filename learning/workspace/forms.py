"""Workspace forms. None of them exposes a field the trainer may not set: capacity is edited only on the
cohort form; status, user and cohort always come from the URL and the services, never from the POST."""

import csv
import io

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from accounts.forms import LineTextField, ModelIdChoiceField, ModelMultipleIdChoiceField, MultilineTextField
from accounts.middleware import TIMEZONE_COOKIE
from accounts.models import User
from accounts.roles import TRAINERS
from accounts.time_zones import first_valid_zone, grouped_time_zone_choices
from accounts.validators import normalise_text, strip_control_characters
from core import uploaded_content
from core.widgets import LongSelect
from learning.certificates.models import Certificate

from ..forms import SessionTimesMixin
from ..models import Cohort, CoursePage, Enrolment, LiveSession
from .models import CohortMessage

MAX_INVITE_ROWS = 500
MAX_CSV_BYTES = 256 * 1024
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class BootstrapMixin:
    def _style(self):
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class CohortForm(BootstrapMixin, forms.ModelForm):
    course = ModelIdChoiceField(label=_("Course"), queryset=CoursePage.objects.none(), widget=LongSelect)
    co_trainers = ModelMultipleIdChoiceField(
        label=_("Co-trainers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Other members of the Trainers group who run this cohort with you."),
    )

    class Meta:
        model = Cohort
        fields = ["course", *Cohort.SETTINGS_FIELDS]
        field_classes = {"title": LineTextField}
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Any published course, in any language: cohorts refer to courses by their translation key, so a
        # cohort of the French version is a cohort of the same course.
        # Aliases (a language's copy of a course not yet translated into it) are the same course again.
        self.fields["course"].queryset = (
            CoursePage.objects.live().filter(alias_of__isnull=True).select_related("locale").order_by("title")
        )
        self.fields["course"].label_from_instance = lambda course: (
            f"{course.title} ({course.locale.language_code})"
        )
        self.fields["co_trainers"].queryset = (
            User.objects.filter(groups__name=TRAINERS).exclude(pk=user.pk).order_by("display_name")
        )
        self.fields["co_trainers"].label_from_instance = lambda person: (
            f"{person.display_name} <{person.email}>"
        )
        self._style()

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The cohort must end on or after the day it starts."))
        return data


class CohortEditForm(CohortForm):
    """The same settings but the course: a cohort's enrolments and progress belong to its course."""

    class Meta(CohortForm.Meta):
        fields = [name for name in CohortForm.Meta.fields if name != "course"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        del self.fields["course"]
        if self.instance.pk and not self.is_bound:
            self.initial["co_trainers"] = [
                trainer.pk for trainer in self.instance.trainers.all() if trainer.pk != user.pk
            ]


class RosterFilterForm(BootstrapMixin, forms.Form):
    """Sent by GET: unknown values are dropped, so an edited link still shows the roster."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    state = forms.ChoiceField(
        label=_("Progress"),
        required=False,
        choices=[("", _("Any progress")), ("not_started", _("Not started")), ("completed", _("Completed"))],
    )
    inactive_days = forms.IntegerField(
        label=_("Inactive for more than (days)"), required=False, min_value=1, max_value=3650
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("requested", _("Date of request")),
            ("name", _("Name (A to Z)")),
            ("-name", _("Name (Z to A)")),
            ("-progress", _("Most progress first")),
            ("progress", _("Least progress first")),
            ("activity", _("Least recently active first")),
            ("-activity", _("Most recently active first")),
            ("status", _("Status")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *Enrolment.Status.choices]
        self._style()

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class EnrolmentActionForm(forms.Form):
    """The roster's actions: one row's button (`act` = "approve:12") or the checked rows and an action."""

    ACTIONS = {
        "approve": _("Approve"),
        "reject": _("Reject"),
        "promote": _("Move from the waitlist"),
        "withdraw": _("Withdraw"),
        "certificate_issue": _("Issue their certificates (completed trainees)"),
    }

    action = forms.ChoiceField(label=_("With the selected trainees"), required=False)
    enrolments = forms.TypedMultipleChoiceField(coerce=int, required=False)
    act = forms.CharField(required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Choose an action")), *self.ACTIONS.items()]
        self.fields["action"].widget.attrs["class"] = "form-select"

    def clean_enrolments(self):
        # The choices are not listed up front (the roster is paginated): any integer passes here, and
        # the view then refuses the whole request if one of them is not in this cohort.
        return self.cleaned_data["enrolments"]

    def clean(self):
        data = super().clean()
        act = data.get("act")
        if act:
            action, _sep, pk = act.partition(":")
            if action not in self.ACTIONS or not pk.isdigit():
                raise ValidationError(_("Choose an action."))
            data["action"], data["enrolments"] = action, [int(pk)]
        elif not data.get("action"):
            raise ValidationError(_("Choose an action."))
        elif not data.get("enrolments"):
            raise ValidationError(_("Select at least one trainee."))
        return data

    def full_clean(self):
        # Accept any integer id: validity is decided against the cohort by the view.
        self.fields["enrolments"].choices = [(v, v) for v in self.data.getlist("enrolments") if v.isdigit()]
        super().full_clean()


class InviteForm(BootstrapMixin, forms.Form):
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, or separated by commas or semicolons."),
    )
    csv_file = forms.FileField(
        label=_("Or a CSV file"),
        required=False,
        help_text=_("Columns: name, e-mail, language (a header row is optional). UTF-8, at most 256 KB."),
    )

    def clean_csv_file(self):
        upload = self.cleaned_data.get("csv_file")
        if upload is None:
            return None
        if upload.size > MAX_CSV_BYTES:
            raise ValidationError(_("This file is larger than 256 KB. Split it into smaller files."))
        raw = upload.read()
        # A spreadsheet saved as .xlsx, a PDF or a picture renamed .csv: say so, not "not UTF-8". (A stray
        # NUL in a name is no reason to refuse a list: it is dropped with the other control characters.)
        if uploaded_content.binary_kind(raw[: uploaded_content.HEAD_BYTES]):
            raise ValidationError(
                _(
                    "This file is not a CSV file. Save your list as “CSV UTF-8” in your spreadsheet and "
                    "try again."
                )
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("This file is not UTF-8 text. Save it as “CSV UTF-8” in your spreadsheet and try again.")
            ) from error
        try:
            return list(csv.reader(io.StringIO(text)))
        except csv.Error as error:
            raise ValidationError(_("This file could not be read as CSV.")) from error

    def clean(self):
        data = super().clean()
        rows = []
        for part in (data.get("addresses") or "").replace(";", "\n").replace(",", "\n").splitlines():
            if part.strip():
                rows.append({"name": "", "email": part.strip(), "language": ""})
        for number, row in enumerate(data.get("csv_file") or [], start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if number == 1 and any(cell.lower() in ("email", "e-mail", "mail") for cell in cells):
                continue  # a header row
            cells += [""] * (3 - len(cells))
            rows.append({"name": cells[0], "email": cells[1], "language": cells[2], "line": number})
        if not rows and not self.errors:
            raise ValidationError(_("Paste at least one e-mail address or choose a CSV file."))
        if len(rows) > MAX_INVITE_ROWS:
            raise ValidationError(
                _("At most %(max)s people at once: split the list.") % {"max": MAX_INVITE_ROWS}
            )
        data["rows"] = rows
        return data


def parse_invite_row(row: dict, default_language: str) -> tuple[str, str, str] | None:
    """(email, name, language) of a row, or None when its address is not valid."""
    email = row["email"].strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return None
    language = row["language"].strip().lower()[:10]
    if language not in LANGUAGE_CODES:
        language = default_language
    # A CSV comes from anywhere: a control character in a name is dropped rather than refusing the file.
    return email, normalise_text(strip_control_characters(row["name"]))[:120], language


class MessageForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = CohortMessage
        fields = ["audience", "subject", "body"]
        field_classes = {"subject": LineTextField, "body": MultilineTextField}
        widgets = {"body": forms.Textarea(attrs={"rows": 8}), "audience": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()
        self.fields["audience"].widget.attrs["class"] = "form-check-input"


def session_zone_default(request, cohort) -> str:
    """The zone a trainer most likely means: their profile's, else their browser's (the cookie set by
    timezone.js), else the zone of the cohort's latest session, else the site's."""
    latest = cohort.sessions.order_by("-starts_at").values_list("time_zone", flat=True).first()
    return first_valid_zone(
        request.user.time_zone,
        request.COOKIES.get(TIMEZONE_COOKIE, ""),
        latest or "",
        default=settings.TIME_ZONE,
    )


class LiveSessionForm(SessionTimesMixin, BootstrapMixin, forms.ModelForm):
    """Start and end are typed as wall-clock times in the session's own time zone, and stored in UTC."""

    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )

    class Meta:
        model = LiveSession
        fields = ["title", "starts_at", "ends_at", "time_zone", "location", "online_url"]
        field_classes = {"title": LineTextField, "location": LineTextField}
        widgets = {"time_zone": LongSelect}  # ~430 zones

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.initial.get("time_zone") or self.instance.time_zone
        self.fields["time_zone"].choices = grouped_time_zone_choices(current)
        self.fields["time_zone"].help_text = _("Start and end are times in this zone.")
        self._style()
        self.show_times_in_session_zone()


class AttendanceForm(forms.Form):
    """One checkbox per trainee; the list of trainees comes from the cohort, never from the POST."""

    present = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(e.pk, e.user.display_name) for e in enrolments]


class ReviewForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("revise", _("Ask for a revision"))],
        widget=forms.RadioSelect,
    )
    feedback = MultilineTextField(
        label=_("Feedback to the trainee"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()
        self.fields["decision"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        data = super().clean()
        if data.get("decision") == "revise" and not data.get("feedback", "").strip():
            self.add_error("feedback", _("Tell the trainee what to revise."))
        return data


class CertificateRevokeForm(BootstrapMixin, forms.Form):
    """A trainer revokes for a reason the holder will read on the verification page (never "erased" or
    "reissued": those belong to account erasure and to re-issuing)."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[
            (Certificate.Reason.ERROR, Certificate.Reason.ERROR.label),
            (Certificate.Reason.MISCONDUCT, Certificate.Reason.MISCONDUCT.label),
        ],
    )
    note = MultilineTextField(
        label=_("Internal note (not shown publicly)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
