"""Issuing, revoking and re-issuing a cohort's certificates from the workspace."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learning.certificates.models import Certificate

from ... import exceptions
from ...certificates import services as certificate_services
from ..forms import CertificateRevokeForm
from ..permissions import cohort_view
from .redirects import back_to_cohort, cohort_url
from .trainees import trainee_page


@cohort_view
@require_POST
def certificates_issue(request, cohort):
    """Certificates for everyone in the cohort who completed the course and has none yet."""
    try:
        issued = certificate_services.certificates_issue_for_cohort(cohort=cohort, issued_by=request.user)
    except exceptions.LearningError as error:
        messages.error(request, error.message)
        return back_to_cohort(request, cohort)
    if issued:
        messages.success(
            request,
            ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", len(issued))
            % {"count": len(issued)},
        )
    else:
        messages.info(request, _("Everyone who completed the course already has a certificate."))
    return back_to_cohort(request, cohort)


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
        return trainee_page(request, cohort, certificate.enrolment, status=422, revoke_form=form)
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
    return redirect(cohort_url(cohort, "trainee", certificate.enrolment_id))


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
    return redirect(cohort_url(cohort, "trainee", certificate.enrolment_id))
