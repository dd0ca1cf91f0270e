"""Thin views for action plans: check access, parse the form, call a service, render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from . import selectors, services
from .checkins import selectors as checkin_selectors
from .display import plan_view, published_view, section_view
from .exports import plan_docx, plan_pdf
from .forms import (
    CommentForm,
    DownloadConsentForm,
    PlanCreateForm,
    PlanShareForm,
    section_form,
    section_is_valid,
)
from .models import ActionPlanTemplatePage, DownloadConsent, PlanComment, ToolkitPage


@login_required
def my_plans(request):
    if request.method == "POST":
        form = DownloadConsentForm(request.POST)
        if form.is_valid():
            services.download_consent_set(user=request.user, consent=form.cleaned_data["consent"])
            messages.success(request, _("Your choice is saved."))
            return redirect("toolkits:my_plans")
    else:
        form = DownloadConsentForm(
            initial={"consent": DownloadConsent.objects.filter(user=request.user).exists()}
        )
    context = {
        **selectors.my_plans(user=request.user),
        "organisations": list(selectors.organisations_of(request.user)),
        "consent_form": form,
    }
    return TemplateResponse(request, "toolkits/my_plans.html", context)


@login_required
def plan_start(request, template_id: int):
    template = get_object_or_404(ActionPlanTemplatePage.objects.live().public(), pk=template_id)
    organisations = selectors.organisations_of(request.user)
    toolkit = ToolkitPage.objects.live().filter(pk=request.GET.get("toolkit") or None).first()
    form = PlanCreateForm(
        request.POST if request.method == "POST" else None,
        organisations=organisations,
        initial={"title": _("Action plan: %(template)s") % {"template": template.title}},
    )
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(
            template=template,
            organisation=form.cleaned_data["organisation"],
            user=request.user,
            title=form.cleaned_data["title"],
            toolkit=toolkit,
        )
        messages.success(request, _("Your plan is ready. Fill in each section; your colleagues can too."))
        return redirect("toolkits:plan", public_id=plan.public_id)
    context = {"template": template, "form": form, "has_organisation": organisations.exists()}
    return TemplateResponse(request, "toolkits/plan_start.html", context)


def plan_detail(request, public_id):
    plan, access = selectors.plan_for(user=request.user, public_id=public_id)
    rows = selectors.plan_sections(plan=plan)
    context = {
        "plan": plan,
        "access": access,
        "sections": plan_view(rows),
        "progress": checkin_selectors.plan_progress(
            user=request.user, plan=plan, access=access, sections=rows
        ),
        "reviewers": list(selectors.reviewer_organisations(plan=plan)),
        "themes": selectors.plan_themes(plan=plan, request=request),
    }
    return TemplateResponse(request, "toolkits/plan_detail.html", context)


def _section(plan, key):
    section = plan.sections.filter(key=key).select_related("updated_by").first()
    if section is None:
        raise Http404
    section.plan = plan
    return section


def _section_context(plan, access, section, form, **extra):
    return {
        "plan": plan,
        "access": access,
        "section": section,
        "view": section_view(section),
        "form": form,
        "formset": getattr(form, "formset", None),
        "comments": selectors.section_comments(section=section),
        "comment_form": extra.pop("comment_form", None) or CommentForm(),
        **extra,
    }


def section_edit(request, public_id, key: str):
    plan, access = selectors.plan_for(user=request.user, public_id=public_id)
    section = _section(plan, key)
    if request.method != "POST":
        form = section_form(section) if access.edit else None
        return TemplateResponse(
            request, "toolkits/section.html", _section_context(plan, access, section, form)
        )
    if not access.edit:
        raise Http404
    form = section_form(section, request.POST)
    if section_is_valid(form):
        try:
            saved = services.section_save(
                section=section,
                user=request.user,
                content=form.content(),
                base_version=form.cleaned_data["version"],
            )
        except services.SectionConflict as conflict:
            return _conflict(request, plan, access, conflict.section)
        except services.PlanNotEditable:
            messages.error(request, _("This plan is final: reopen it to change its sections."))
            return redirect("toolkits:plan", public_id=plan.public_id)
        if request.htmx:
            return TemplateResponse(request, "toolkits/includes/save_status.html", {"section": saved})
        messages.success(request, _("Section saved."))
        return redirect("toolkits:section", public_id=plan.public_id, key=section.key)
    context = _section_context(plan, access, section, form)
    if request.htmx:
        return _swap_form(TemplateResponse(request, "toolkits/includes/section_form.html", context))
    return TemplateResponse(request, "toolkits/section.html", context)


def _swap_form(response):
    return reswap(retarget(response, "#section-form"), "outerHTML")


def _conflict(request, plan, access, current):
    """Show both texts: the colleague's saved version and the person's own, still in the form, now
    based on the newest version so that saving again (after merging) goes through."""
    current.plan = plan
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = section_form(current, data)
    section_is_valid(form)
    context = _section_context(plan, access, current, form, conflict=section_view(current))
    template = "toolkits/includes/section_form.html" if request.htmx else "toolkits/section.html"
    response = TemplateResponse(request, template, context, status=422)
    return _swap_form(response) if request.htmx else response


@require_POST
def comment_create(request, public_id, key: str):
    plan, access = selectors.plan_for(user=request.user, public_id=public_id, need="comment")
    section = _section(plan, key)
    form = CommentForm(request.POST)
    if not form.is_valid():
        sform = section_form(section) if access.edit else None
        return TemplateResponse(
            request,
            "toolkits/section.html",
            _section_context(plan, access, section, sform, comment_form=form),
        )
    services.comment_add(section=section, user=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Comment added. We are letting the plan's team know by e-mail."))
    return redirect("toolkits:section", public_id=plan.public_id, key=section.key)


@require_POST
def comment_resolve(request, public_id, comment_id: int):
    plan, _access = selectors.plan_for(user=request.user, public_id=public_id, need="manage")
    comment = get_object_or_404(PlanComment.objects.select_related("section"), pk=comment_id, plan=plan)
    services.comment_resolve(comment=comment, user=request.user)
    messages.success(request, _("Comment resolved."))
    return redirect("toolkits:section", public_id=plan.public_id, key=comment.section.key)


def plan_share(request, public_id):
    plan, _access = selectors.plan_for(user=request.user, public_id=public_id, need="manage")
    form = PlanShareForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_share(
                plan=plan, organisations=form.cleaned_data["organisations"], user=request.user
            )
        except services.InvalidTransition:
            messages.error(request, _("A final or published plan cannot be shared for feedback."))
        else:
            messages.success(request, _("Your plan is shared for feedback."))
        return redirect("toolkits:plan", public_id=plan.public_id)
    context = {
        "plan": plan,
        "form": form,
        "mentors": list(
            selectors.reviewer_organisations(plan=plan).exclude(pk__in=plan.shares.values("organisation"))
        ),
    }
    return TemplateResponse(request, "toolkits/plan_share.html", context)


STATUS_MESSAGES = {
    "unshare": _("Your plan is back to draft: reviewers no longer see it."),
    "finalise": _("Your plan is final. Sections are locked until you reopen it."),
    "reopen": _("Your plan is open for changes again."),
    "publish": _("Your plan is published as a public case."),
    "unpublish": _("Your plan is no longer public."),
}


def _refuse_transition(request, plan) -> None:
    # Someone else may have changed the status meanwhile (a colleague, another tab): say what it is now.
    plan.refresh_from_db(fields=["status"])
    messages.error(
        request,
        _("Your plan is now “%(status)s”, so that change is not possible. Choose one of the actions shown.")
        % {"status": plan.get_status_display()},
    )


@require_POST
def plan_status(request, public_id):
    plan, _access = selectors.plan_for(user=request.user, public_id=public_id, need="manage")
    action = request.POST.get("action", "")
    if action == "publish":
        # Publishing only ever happens from the page that shows what becomes public.
        return redirect("toolkits:plan_publish", public_id=plan.public_id)
    try:
        services.plan_transition(plan=plan, action=action, user=request.user)
    except services.InvalidTransition:
        _refuse_transition(request, plan)
        return redirect("toolkits:plan", public_id=plan.public_id)
    messages.success(request, STATUS_MESSAGES[action])
    return redirect("toolkits:plan", public_id=plan.public_id)


@require_http_methods(["GET", "POST"])
def plan_publish(request, public_id):
    """Asks before publishing: the page shows what becomes public (title, city, every section as the
    public case will show it); the Confirm button publishes."""
    plan, _access = selectors.plan_for(user=request.user, public_id=public_id, need="manage")
    if request.method == "POST":
        try:
            services.plan_publish(plan=plan, user=request.user)
        except services.InvalidTransition:
            _refuse_transition(request, plan)
            return redirect("toolkits:plan", public_id=plan.public_id)
        messages.success(request, STATUS_MESSAGES["publish"])
        return redirect("toolkits:case", public_id=plan.public_id)
    if plan.status != plan.Status.FINAL:
        messages.error(
            request, _("Only a final plan can be published: mark it final first, then publish it.")
        )
        return redirect("toolkits:plan", public_id=plan.public_id)
    context = {"plan": plan, "sections": published_view(selectors.plan_sections(plan=plan))}
    return TemplateResponse(request, "toolkits/plan_publish.html", context)


def plan_history(request, public_id):
    plan, access = selectors.plan_for(user=request.user, public_id=public_id)
    if access.role not in {"team", "staff"}:
        raise Http404
    revisions = selectors.plan_revisions(plan=plan)
    return TemplateResponse(request, "toolkits/plan_history.html", {"plan": plan, "revisions": revisions})


def plan_export(request, public_id, fmt: str):
    plan, access = selectors.plan_for(user=request.user, public_id=public_id)
    rows = selectors.plan_sections(plan=plan)
    # The implementation progress for the same people as on the plan page (a public case prints none).
    progress = checkin_selectors.export_progress(user=request.user, plan=plan, access=access, sections=rows)
    return _export(request, plan, fmt, rows=rows, progress=progress)


def _export(request, plan, fmt: str, *, published: bool = False, rows=None, progress=None):
    rows = selectors.plan_sections(plan=plan) if rows is None else rows
    sections = (published_view if published else plan_view)(rows)
    if fmt == "pdf":
        content, content_type = (
            plan_pdf(plan, sections, progress=progress, request=request),
            "application/pdf",
        )
    elif fmt == "docx":
        content = plan_docx(plan, sections, progress=progress)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="action-plan-{plan.public_id}.{fmt}"'
    return response


def case_detail(request, public_id):
    """A published plan, read-only and public, with where it came from."""
    plan = selectors.published_case(public_id=public_id)
    context = {
        "plan": plan,
        "sections": published_view(selectors.plan_sections(plan=plan)),
        "template_page": selectors.localized_page(plan.template, request),
        "toolkit_page": selectors.localized_page(plan.toolkit, request) if plan.toolkit else None,
    }
    return TemplateResponse(request, "toolkits/case.html", context)


def case_export(request, public_id, fmt: str):
    return _export(request, selectors.published_case(public_id=public_id), fmt, published=True)
