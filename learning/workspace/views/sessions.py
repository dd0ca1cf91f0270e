"""Live sessions: planning one, and recording who attended."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ...models import Enrolment, LiveSession
from .. import services
from ..forms import (
    AttendanceForm,
    LiveSessionForm,
    session_zone_default,
)
from ..permissions import cohort_view
from .redirects import cohort_url


@cohort_view
@require_http_methods(["GET", "POST"])
def session_create(request, cohort):
    form = LiveSessionForm(request.POST or None, initial={"time_zone": session_zone_default(request, cohort)})
    if request.method == "POST" and form.is_valid():
        session = services.session_create(cohort=cohort, data=form.cleaned_data)
        messages.success(request, _("The session “%(title)s” is scheduled.") % {"title": session.title})
        return redirect(cohort_url(cohort) + "#sessions")
    return TemplateResponse(request, "workspace/session_form.html", {"cohort": cohort, "form": form})


@cohort_view
@require_http_methods(["GET", "POST"])
def attendance(request, cohort, session_pk):
    session = get_object_or_404(LiveSession, cohort=cohort, pk=session_pk)
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.LEARNING)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
    if request.method == "POST":
        form = AttendanceForm(request.POST, enrolments=enrolments)
        if form.is_valid():
            count = services.attendance_sheet_save(
                session=session, present_ids=set(form.cleaned_data["present"])
            )
            messages.success(
                request,
                ngettext(
                    "Attendance saved: %(count)d present.", "Attendance saved: %(count)d present.", count
                )
                % {"count": count},
            )
            return redirect(cohort_url(cohort) + "#sessions")
    else:
        present = [pk for pk, was in session.attendance.values_list("enrolment_id", "present") if was]
        form = AttendanceForm(initial={"present": present}, enrolments=enrolments)
    # What the form sends back may be anything: only numbers can be trainees' checkboxes.
    checked = {int(value) for value in (form["present"].value() or []) if str(value).isdecimal()}
    return TemplateResponse(
        request,
        "workspace/attendance.html",
        {"cohort": cohort, "session": session, "form": form, "enrolments": enrolments, "checked": checked},
    )
