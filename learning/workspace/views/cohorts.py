"""My cohorts, a new cohort, its settings, and the cohort page with its roster and actions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ... import exceptions
from ... import services as learning_services
from ...models import Cohort, Enrolment
from .. import selectors, services
from ..forms import (
    CohortEditForm,
    CohortForm,
    EnrolmentActionForm,
    RosterFilterForm,
)
from ..permissions import cohort_view, may_create_cohorts, trainer_required
from .redirects import back_to_cohort, cohort_url


@trainer_required
@require_GET
def cohorts(request):
    listed = list(selectors.my_cohorts(user=request.user))
    for cohort in listed:
        cohort.completion_rate = selectors.completion_rate(cohort)
    return TemplateResponse(
        request,
        "workspace/cohorts.html",
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
        return redirect(cohort_url(cohort))
    return TemplateResponse(request, "workspace/cohort_form.html", {"form": form})


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
            return redirect(cohort_url(cohort))
    return TemplateResponse(request, "workspace/cohort_form.html", {"form": form, "cohort": cohort})


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
        "workspace/cohort.html",
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


@cohort_view
@require_POST
def enrolment_action(request, cohort):
    form = EnrolmentActionForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("Choose an action and at least one trainee.")]:
            messages.error(request, error)
        return back_to_cohort(request, cohort)
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
    return back_to_cohort(request, cohort)
