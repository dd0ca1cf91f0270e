"""The admin's certificate actions: revoke with a reason, re-issue, and issue for a whole cohort.

Thin views over the services. Staff need the `change_certificate` (or `add_certificate`) permission; a
trainer may act on the certificates of the cohorts they train. Anyone else is refused (the admin's answer
to a missing permission).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning import exceptions
from learning.models import Cohort, Enrolment

from . import services
from .forms import RevokeForm
from .models import Certificate
from .selectors import may_manage

INDEX = "learning_certificates:index"


def may_issue_for(user, cohort: Cohort) -> bool:
    return user.has_perm("certificates.add_certificate") or cohort.trainers.filter(pk=user.pk).exists()


class CertificateActionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/action.html"
    header_icon = "doc-full"
    form_class = None
    serious = False

    def dispatch(self, request, pk):
        self.certificate = get_object_or_404(Certificate.objects.select_related("enrolment__cohort"), pk=pk)
        if not may_manage(user=request.user, certificate=self.certificate):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_form(self):
        if self.form_class is None:
            return None
        return self.form_class(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate,
            form=kwargs.pop("form", None) or self.get_form(),
            explanation=self.explanation,
            submit_label=self.submit_label,
            serious=self.serious,
            back_url=reverse(INDEX),
            waiting=None,
            **kwargs,
        )

    def post(self, request, pk):
        form = self.get_form()
        if form is not None and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            self.act(form)
        except exceptions.LearningError as error:
            messages.error(request, str(error.message))
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return redirect(INDEX)


class RevokeView(CertificateActionView):
    page_title = gettext_lazy("Revoke a certificate")
    form_class = RevokeForm
    serious = True
    explanation = gettext_lazy(
        "A revoked certificate is kept: its code keeps answering “revoked” on the public page, with the "
        "date and the reason you choose."
    )
    submit_label = gettext_lazy("Revoke")

    def act(self, form):
        services.certificate_revoke(
            certificate=self.certificate,
            revoked_by=self.request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        messages.success(self.request, _("The certificate was revoked."))


class ReissueView(CertificateActionView):
    page_title = gettext_lazy("Re-issue a certificate")
    explanation = gettext_lazy(
        "A new certificate is issued with the trainee's current name on certificates; this one is revoked "
        "as replaced and its page points to the new one."
    )
    submit_label = gettext_lazy("Re-issue")

    def act(self, form):
        services.certificate_reissue(certificate=self.certificate, issued_by=self.request.user)
        messages.success(self.request, _("A new certificate was issued."))


class IssueForCohortView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/action.html"
    page_title = gettext_lazy("Issue certificates")
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        self.cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
        if not may_issue_for(request.user, self.cohort):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.cohort.localized_title

    def get_context_data(self, **kwargs):
        waiting = (
            Enrolment.objects.filter(cohort=self.cohort, status=Enrolment.Status.COMPLETED)
            .exclude(certificates__status=Certificate.Status.VALID)
            .count()
        )
        return super().get_context_data(
            explanation=_(
                "Every trainee of this cohort who completed the course and has no valid certificate gets one."
            ),
            submit_label=_("Issue certificates"),
            back_url=reverse("cohorts:index"),
            waiting=waiting,
            **kwargs,
        )

    def post(self, request, pk):
        try:
            issued = services.certificates_issue_for_cohort(cohort=self.cohort, issued_by=request.user)
        except exceptions.LearningError as error:
            messages.error(request, str(error.message))
            return self.render_to_response(self.get_context_data(), status=error.status)
        messages.success(request, _("%(count)d certificates issued.") % {"count": len(issued)})
        return redirect(INDEX)


class IssueView(WagtailAdminTemplateMixin, TemplateView):
    """Issue one enrolment's certificate (a course that awards them, once it is completed): a
    confirmation, then a POST. A POST for an unfinished course is refused with a 4xx, whatever it says."""

    template_name = "certificates/admin/action.html"
    page_title = gettext_lazy("Issue a certificate")
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        self.enrolment = get_object_or_404(Enrolment.objects.select_related("cohort", "user"), pk=pk)
        if not may_issue_for(request.user, self.enrolment.cohort):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return f"{self.enrolment.user} · {self.enrolment.cohort}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            explanation=_(
                "The certificate takes the trainee's name on certificates and the course as they are now."
            ),
            submit_label=_("Issue the certificate"),
            back_url=reverse("enrolments:index"),
            waiting=None,
            **kwargs,
        )

    def post(self, request, pk):
        try:
            services.certificate_issue(enrolment=self.enrolment, issued_by=request.user)
        except exceptions.LearningError as error:
            messages.error(request, str(error.message))
            return self.render_to_response(self.get_context_data(), status=error.status)
        messages.success(request, _("The certificate was issued."))
        return redirect(INDEX)
