"""The progress matrix, one trainee's page, reviewing a reflection, and the cohort's exports."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ... import services as learning_services
from ...models import Enrolment, Reflection
from .. import exports, selectors
from ..forms import (
    CertificateRevokeForm,
    ReviewForm,
)
from ..permissions import cohort_view
from .redirects import cohort_url


@cohort_view
@require_GET
def matrix(request, cohort):
    context = selectors.matrix_page(
        cohort=cohort, page_number=request.GET.get("page", "1")[:6], request=request
    )
    context["cohort"] = cohort
    return TemplateResponse(request, "workspace/matrix.html", context)


def _enrolment_in(cohort, pk) -> Enrolment:
    return get_object_or_404(Enrolment.objects.select_related("user"), cohort=cohort, pk=pk)


@cohort_view
@require_GET
def trainee(request, cohort, enrolment_pk):
    return trainee_page(request, cohort, _enrolment_in(cohort, enrolment_pk))


def trainee_page(request, cohort, enrolment, *, status=200, revoke_form=None):
    context = selectors.trainee_detail(cohort=cohort, enrolment=enrolment, request=request)
    context.update(
        {
            "cohort": cohort,
            "enrolment": enrolment,
            "review_form": ReviewForm(),
            "revoke_form": revoke_form or CertificateRevokeForm(),
        }
    )
    return TemplateResponse(request, "workspace/trainee.html", context, status=status)


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
        return TemplateResponse(request, "workspace/trainee.html", context, status=422)
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
    return redirect(cohort_url(cohort, "trainee", reflection.enrolment_id) + f"#reflection-{reflection.pk}")


# Exports ----------------------------------------------------------------------------------------


@cohort_view
@require_GET
def export_csv(request, cohort):
    return exports.csv_response(cohort, request)


@cohort_view
@require_GET
def export_xlsx(request, cohort):
    return exports.xlsx_response(cohort)
