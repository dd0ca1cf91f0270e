"""Thin views of one check-in: the team reports, the mentor and the team comment, staff read."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import CheckInForm, CommentForm


def _context(plan, checkin, access, *, form=None, comment_form=None) -> dict:
    report = selectors.checkin_report(checkin=checkin) if checkin.is_submitted else None
    return {
        "plan": plan,
        "checkin": checkin,
        "access": access,
        "form": form,
        "report": report,
        "comments": selectors.checkin_comments(checkin=checkin) if checkin.is_submitted else [],
        "comment_form": comment_form or (CommentForm() if access.comment else None),
    }


@require_http_methods(["GET", "POST"])
def checkin_detail(request, public_id, months: int):
    # Only the team reports: anyone else who may read it is told no more than a stranger (404).
    need = "submit" if request.method == "POST" else "read"
    plan, checkin, access = selectors.checkin_for(
        user=request.user, public_id=public_id, months=months, need=need
    )
    form = None
    if access.submit and checkin.is_open():
        actions, indicators = selectors.plan_items(plan=plan)
        report = selectors.checkin_report(checkin=checkin)
        data = request.POST if request.method == "POST" else None
        form = CheckInForm(data, actions=actions, indicators=indicators, report=report)
    if request.method == "POST":
        if form is None:
            messages.error(
                request,
                _("This check-in opens on %(date)s: come back then to record it.")
                % {"date": date_format(checkin.opens_on, "DATE_FORMAT")},
            )
            return redirect("toolkits:checkin", public_id=plan.public_id, months=checkin.months)
        if form.is_valid():
            try:
                services.checkin_submit(
                    checkin=checkin,
                    user=request.user,
                    actions=form.action_rows(),
                    indicators=form.indicator_rows(),
                )
            except services.CheckInNotOpen:
                return redirect("toolkits:checkin", public_id=plan.public_id, months=checkin.months)
            messages.success(request, _("Check-in saved. Your mentor city can read it and comment."))
            return redirect("toolkits:checkin", public_id=plan.public_id, months=checkin.months)
        context = _context(plan, checkin, access, form=form)
        return TemplateResponse(request, "toolkits/checkins/checkin.html", context, status=400)
    return TemplateResponse(
        request, "toolkits/checkins/checkin.html", _context(plan, checkin, access, form=form)
    )


@require_POST
def checkin_comment(request, public_id, months: int):
    plan, checkin, access = selectors.checkin_for(
        user=request.user, public_id=public_id, months=months, need="comment"
    )
    form = CommentForm(request.POST)
    if not form.is_valid():
        context = _context(plan, checkin, access, comment_form=form)
        return TemplateResponse(request, "toolkits/checkins/checkin.html", context, status=400)
    services.checkin_comment_add(checkin=checkin, user=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Comment added."))
    return redirect("toolkits:checkin", public_id=plan.public_id, months=checkin.months)
