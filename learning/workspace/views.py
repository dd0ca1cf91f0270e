"""Thin views of the trainer's workspace: scope to the user's cohorts, read the form, call a service.

Every cohort comes from `permissions.cohort_for`, and everything inside a cohort (an enrolment, a
reflection, a session) is looked up *within* that cohort: another cohort's id is a 404 and changes nothing.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import exceptions
from .. import services as learning_services
from ..certificates import services as certificate_services
from ..models import Certificate, Cohort, Enrolment, LiveSession, Reflection
from . import exports, selectors, services
from .forms import (
    AttendanceForm,
    CertificateRevokeForm,
    CohortEditForm,
    CohortForm,
    EnrolmentActionForm,
    InviteForm,
    LiveSessionForm,
    MessageForm,
    ReviewForm,
    RosterFilterForm,
    session_zone_default,
)
from .permissions import cohort_view, may_create_cohorts, trainer_required


def _cohort_url(cohort, name="cohort", *args):
    return reverse(f"learning:workspace:{name}", args=[cohort.pk, *args])


# My cohorts -------------------------------------------------------------------------------------


@trainer_required
@require_GET
def cohorts(request):
    listed = list(selectors.my_cohorts(user=request.user))
    for cohort in listed:
        cohort.completion_rate = selectors.completion_rate(cohort)
    return TemplateResponse(
        request,
        "learning/workspace/cohorts.html",
        {
            "cohorts": listed,
            "may_create": may_create_cohorts(request.user),
            "waiting_total": sum(c.pending + c.to_review + c.unrecorded for c in listed),
        },
    )


@trainer_required
@require_http_methods(["GET", "POST"])
def cohort_create(request):
    if not may_create_cohorts(request.user):
        raise Http404
    form = CohortForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "co_trainers"}
        cohort = services.cohort_create(
            creator=request.user, data=data, co_trainers=form.cleaned_data["co_trainers"]
        )
        messages.success(
            request, _("The cohort “%(title)s” was created.") % {"title": cohort.localized_title}
        )
        return redirect(_cohort_url(cohort))
    return TemplateResponse(request, "learning/workspace/cohort_form.html", {"form": form})


@cohort_view
@require_http_methods(["GET", "POST"])
def cohort_edit(request, cohort):
    # The form edits a copy: a refused change must not show on the page around it as if saved.
    editable = Cohort.objects.get(pk=cohort.pk)
    form = CohortEditForm(request.POST or None, instance=editable, user=request.user)
    if request.method == "POST" and form.is_valid():
        offered = form.fields["co_trainers"].queryset
        # Trainers the form does not offer (the editor, staff named as trainers) stay as they are.
        kept = [trainer for trainer in cohort.trainers.all() if trainer not in offered]
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            learning_services.cohort_update(
                cohort=cohort, changes=changes, trainers=[*kept, *form.cleaned_data["co_trainers"]]
            )
        except exceptions.CapacityBelowSeatsTaken as error:
            form.add_error("capacity", error.message)
        else:
            messages.success(request, _("The cohort is saved."))
            return redirect(_cohort_url(cohort))
    return TemplateResponse(request, "learning/workspace/cohort_form.html", {"form": form, "cohort": cohort})


# The cohort page: roster and actions ------------------------------------------------------------


@cohort_view
@require_GET
def cohort(request, cohort):
    filter_form = RosterFilterForm(request.GET or None)
    filters = filter_form.filters()
    # Page links carry the valid filters only, encoded.
    query = "".join(f"{urlencode({name: value})}&" for name, value in sorted(filters.items()))
    return TemplateResponse(
        request,
        "learning/workspace/cohort.html",
        {
            "cohort": cohort,
            "filter_form": filter_form,
            "roster": selectors.roster_page(
                cohort=cohort, filters=filters, page_number=request.GET.get("page", "1")[:6], request=request
            ),
            "query": query,
            "counts": selectors.cohort_counts(cohort),
            "sessions": selectors.cohort_sessions(cohort),
            "cohort_messages": selectors.cohort_messages(cohort),
            "action_form": EnrolmentActionForm(),
        },
    )


def _back(request, cohort):
    target = request.POST.get("next", "")
    # Only a path on this site: `redirect()` would take "abc" for a URL name and fail to reverse it.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect(_cohort_url(cohort))


@cohort_view
@require_POST
def enrolment_action(request, cohort):
    form = EnrolmentActionForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("Choose an action and at least one trainee.")]:
            messages.error(request, error)
        return _back(request, cohort)
    ids = set(form.cleaned_data["enrolments"])
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, pk__in=ids)
        .select_related("user", "cohort")
        .order_by("created_at", "pk")
    )
    if len(enrolments) != len(ids):
        # An id from another cohort (or none at all): refuse the whole request, change nothing.
        raise Http404
    results = services.enrolments_act(
        cohort=cohort, enrolments=enrolments, action=form.cleaned_data["action"], actor=request.user
    )
    done = [result for result in results if result.done]
    refused = [result for result in results if not result.done]
    if done:
        messages.success(
            request,
            ngettext("%(count)d trainee updated.", "%(count)d trainees updated.", len(done))
            % {"count": len(done)},
        )
    for result in refused:
        messages.warning(
            request,
            _("%(name)s: %(reason)s")
            % {"name": result.enrolment.user.display_name, "reason": result.message},
        )
    return _back(request, cohort)


# Certificates -----------------------------------------------------------------------------------


@cohort_view
@require_POST
def certificates_issue(request, cohort):
    """Certificates for everyone in the cohort who completed the course and has none yet."""
    try:
        issued = certificate_services.certificates_issue_for_cohort(cohort=cohort, issued_by=request.user)
    except exceptions.LearningError as error:
        messages.error(request, error.message)
        return _back(request, cohort)
    if issued:
        messages.success(
            request,
            ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", len(issued))
            % {"count": len(issued)},
        )
    else:
        messages.info(request, _("Everyone who completed the course already has a certificate."))
    return _back(request, cohort)


def _certificate_in(cohort, certificate_pk) -> Certificate:
    return get_object_or_404(
        Certificate.objects.select_related("enrolment"), enrolment__cohort=cohort, pk=certificate_pk
    )


@cohort_view
@require_POST
def certificate_revoke(request, cohort, certificate_pk):
    certificate = _certificate_in(cohort, certificate_pk)
    form = CertificateRevokeForm(request.POST)
    if not form.is_valid():
        return _trainee_page(request, cohort, certificate.enrolment, status=422, revoke_form=form)
    try:
        certificate_services.certificate_revoke(
            certificate=certificate,
            revoked_by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except exceptions.LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The certificate is revoked. Its verification page now says so."))
    return redirect(_cohort_url(cohort, "trainee", certificate.enrolment_id))


@cohort_view
@require_POST
def certificate_reissue(request, cohort, certificate_pk):
    """A new certificate with the trainee's current name; the old one reads "replaced"."""
    certificate = _certificate_in(cohort, certificate_pk)
    try:
        certificate_services.certificate_reissue(certificate=certificate, issued_by=request.user)
    except exceptions.LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("A new certificate is issued; the old one now reads “replaced”."))
    return redirect(_cohort_url(cohort, "trainee", certificate.enrolment_id))


# The progress matrix and one trainee ------------------------------------------------------------


@cohort_view
@require_GET
def matrix(request, cohort):
    context = selectors.matrix_page(
        cohort=cohort, page_number=request.GET.get("page", "1")[:6], request=request
    )
    context["cohort"] = cohort
    return TemplateResponse(request, "learning/workspace/matrix.html", context)


def _enrolment_in(cohort, pk) -> Enrolment:
    return get_object_or_404(Enrolment.objects.select_related("user"), cohort=cohort, pk=pk)


@cohort_view
@require_GET
def trainee(request, cohort, enrolment_pk):
    return _trainee_page(request, cohort, _enrolment_in(cohort, enrolment_pk))


def _trainee_page(request, cohort, enrolment, *, status=200, revoke_form=None):
    context = selectors.trainee_detail(cohort=cohort, enrolment=enrolment, request=request)
    context.update(
        {
            "cohort": cohort,
            "enrolment": enrolment,
            "review_form": ReviewForm(),
            "revoke_form": revoke_form or CertificateRevokeForm(),
        }
    )
    return TemplateResponse(request, "learning/workspace/trainee.html", context, status=status)


@cohort_view
@require_POST
def reflection_review(request, cohort, reflection_pk):
    reflection = get_object_or_404(
        Reflection.objects.select_related("enrolment__user"), enrolment__cohort=cohort, pk=reflection_pk
    )
    form = ReviewForm(request.POST)
    if not form.is_valid():
        enrolment = reflection.enrolment
        context = selectors.trainee_detail(cohort=cohort, enrolment=enrolment, request=request)
        context.update(
            {
                "cohort": cohort,
                "enrolment": enrolment,
                "review_form": ReviewForm(),
                "bound_review": form,
                "bound_reflection": reflection.pk,
            }
        )
        return TemplateResponse(request, "learning/workspace/trainee.html", context, status=422)
    accepted = form.cleaned_data["decision"] == "accept"
    learning_services.reflection_review(
        reflection=reflection,
        reviewer=request.user,
        accepted=accepted,
        feedback=form.cleaned_data["feedback"],
    )
    if accepted:
        messages.success(request, _("Your feedback was saved."))
    else:
        messages.success(
            request, _("Your feedback was saved. We are e-mailing the trainee to ask them to revise it.")
        )
    return redirect(_cohort_url(cohort, "trainee", reflection.enrolment_id) + f"#reflection-{reflection.pk}")


# Invitations ------------------------------------------------------------------------------------


@cohort_view
@require_http_methods(["GET", "POST"])
def invite(request, cohort):
    form = InviteForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = services.cohort_invite(
                cohort=cohort, rows=form.cleaned_data["rows"], invited_by=request.user
            )
            form = InviteForm()
        elif "csv_file" in form.errors:
            status = 400  # a file we cannot read: too big or not UTF-8 text
    response = TemplateResponse(
        request,
        "learning/workspace/invite.html",
        {"cohort": cohort, "form": form, "report": report},
        status=status,
    )
    return response


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link in an invitation e-mail. It asks before it enrols: GET shows the cohort and a "Join"
    button, POST joins. Someone not signed in signs up (or logs in) first and comes back here; the
    invitation also waits on *My learning* for whoever lost the link on the way."""
    if not request.user.is_authenticated:
        messages.info(request, _("Create your account, or log in, to join the cohort you were invited to."))
        return redirect(reverse("account_signup") + "?" + urlencode({"next": request.path}))
    try:
        invitation = services.invitation_for(token=token, user=request.user)
        if request.method == "POST":
            enrolment = services.invitation_accept(token=token, user=request.user)
            messages.success(
                request, _("Welcome to %(cohort)s!") % {"cohort": enrolment.cohort.localized_title}
            )
            return redirect("learning:dashboard")
    except exceptions.LearningError as error:
        messages.error(request, error.message)
        return redirect("learning:dashboard")
    return TemplateResponse(
        request,
        "learning/workspace/invitation.html",
        {"invitation": invitation, "cohort": invitation.cohort, "course": invitation.cohort.course},
    )


# Live sessions and attendance -------------------------------------------------------------------


@cohort_view
@require_http_methods(["GET", "POST"])
def session_create(request, cohort):
    form = LiveSessionForm(request.POST or None, initial={"time_zone": session_zone_default(request, cohort)})
    if request.method == "POST" and form.is_valid():
        session = services.session_create(cohort=cohort, data=form.cleaned_data)
        messages.success(request, _("The session “%(title)s” is scheduled.") % {"title": session.title})
        return redirect(_cohort_url(cohort) + "#sessions")
    return TemplateResponse(request, "learning/workspace/session_form.html", {"cohort": cohort, "form": form})


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
            return redirect(_cohort_url(cohort) + "#sessions")
    else:
        present = [pk for pk, was in session.attendance.values_list("enrolment_id", "present") if was]
        form = AttendanceForm(initial={"present": present}, enrolments=enrolments)
    # What the form sends back may be anything: only numbers can be trainees' checkboxes.
    checked = {int(value) for value in (form["present"].value() or []) if str(value).isdecimal()}
    return TemplateResponse(
        request,
        "learning/workspace/attendance.html",
        {"cohort": cohort, "session": session, "form": form, "enrolments": enrolments, "checked": checked},
    )


# Messages ---------------------------------------------------------------------------------------


@cohort_view
@require_http_methods(["GET", "POST"])
def message_create(request, cohort):
    form = MessageForm(request.POST or None, initial={"audience": request.GET.get("audience", "all")})
    if request.method == "POST" and form.is_valid():
        message = services.message_send(
            cohort=cohort,
            sender=request.user,
            audience=form.cleaned_data["audience"],
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            request,
            ngettext(
                "Your message is being sent to %(count)d person.",
                "Your message is being sent to %(count)d people.",
                message.recipient_count,
            )
            % {"count": message.recipient_count},
        )
        return redirect(_cohort_url(cohort) + "#messages")
    return TemplateResponse(request, "learning/workspace/message_form.html", {"cohort": cohort, "form": form})


# Exports ----------------------------------------------------------------------------------------


@cohort_view
@require_GET
def export_csv(request, cohort):
    return exports.csv_response(cohort)


@cohort_view
@require_GET
def export_xlsx(request, cohort):
    return exports.xlsx_response(cohort)
