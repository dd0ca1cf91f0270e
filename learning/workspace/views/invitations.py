"""Inviting people by e-mail or CSV, and the invitation link they follow."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ... import exceptions
from .. import services
from ..forms import InviteForm
from ..permissions import cohort_view


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
        "workspace/invite.html",
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
        "workspace/invitation.html",
        {"invitation": invitation, "cohort": invitation.cohort, "course": invitation.cohort.course},
    )
