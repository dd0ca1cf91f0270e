"""The Learning menu of the Wagtail admin: cohorts, enrolments, live sessions and certificates, with
filters and exports; and the rule that a course or lesson holding people's data cannot be deleted
(unpublish it instead)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import Page

from .admin_forms import CohortAdminForm, EnrolmentCreateForm, EnrolmentEditForm, LiveSessionAdminForm
from .certificates.admin import CertificateDesignViewSet, CertificateViewSet
from .models import Cohort, Enrolment, LessonProgress, LiveSession


class ServiceFormMixin:
    """Save through the form's service call, and turn its refusal (capacity, a change that is not
    allowed) into a form error rather than a 500."""

    def save_instance(self):
        return self.form.save()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = " ".join(error.messages)
            return self.form_invalid(form)


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    pass


class ServiceEditView(ServiceFormMixin, generic.EditView):
    pass


class CohortIndexView(ModelViewSet.index_view_class):
    def get_list_buttons(self, instance):
        # Bulk issue sits with the cohort it is for.
        return [
            *super().get_list_buttons(instance),
            ListingButton(
                gettext_lazy("Issue certificates"),
                url=reverse("learning_certificates:issue_for_cohort", args=[instance.pk]),
                priority=50,
            ),
        ]


class CohortViewSet(ModelViewSet):
    model = Cohort
    index_view_class = CohortIndexView
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    list_display = ["title", "course", "starts_on", "ends_on", "capacity", "enrolment_mode"]
    list_filter = ["enrolment_mode", "language", "starts_on"]
    list_export = ["title", "course", "starts_on", "ends_on", "capacity", "enrolment_mode", "language"]
    search_fields = ["title"]
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView

    def get_form_class(self, for_update=False):
        return CohortAdminForm


class EnrolmentIndexView(ModelViewSet.index_view_class):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.status == Enrolment.Status.COMPLETED:
            url = reverse("learning_certificates:issue", args=[instance.pk])
            buttons.append(ListingButton(gettext_lazy("Issue certificate"), url=url, priority=50))
        return buttons


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    index_view_class = EnrolmentIndexView
    icon = "user"
    menu_label = gettext_lazy("Enrolments")
    list_display = ["user", "cohort", "status", "created_at", "completed_at"]
    list_filter = ["status", "cohort", "created_at"]
    list_export = ["user", "cohort", "status", "created_at", "completed_at", "last_activity_at"]
    search_fields = ["user__email", "user__display_name", "cohort__title"]
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView

    def get_form_class(self, for_update=False):
        return EnrolmentEditForm if for_update else EnrolmentCreateForm


class LiveSessionViewSet(ModelViewSet):
    model = LiveSession
    icon = "date"
    menu_label = gettext_lazy("Live sessions")
    list_display = ["title", "cohort", "starts_at", "ends_at"]
    list_filter = ["cohort", "starts_at"]
    search_fields = ["title"]
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView

    def get_form_class(self, for_update=False):
        return LiveSessionAdminForm


class LearningViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Learning")
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortViewSet("cohorts", url_prefix="learning/cohorts"),
        EnrolmentViewSet("enrolments", url_prefix="learning/enrolments"),
        LiveSessionViewSet("live_sessions", url_prefix="learning/sessions"),
        CertificateViewSet("learning_certificates", url_prefix="learning/certificates"),
        CertificateDesignViewSet("certificate_designs", url_prefix="learning/certificate-designs"),
    )


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return LearningViewSetGroup()


def holds_peoples_data(page: Page) -> bool:
    """The page, its subpages or any of their translations have cohorts or someone's progress."""
    keys = Page.objects.descendant_of(page, inclusive=True).values("translation_key")
    return (
        Cohort.objects.filter(course__translation_key__in=keys).exists()
        or LessonProgress.objects.filter(lesson_key__in=keys).exists()
    )


@hooks.register("before_delete_page")
def refuse_deleting_learners_work(request, page):
    # Asked by the bulk delete too (core.wagtail_hooks.DeleteBulkActionWithRefusals).
    if holds_peoples_data(page):
        messages.error(
            request,
            _(
                "“%(title)s” cannot be deleted: people are enrolled in it or have progress in it. "
                "Unpublish it instead; their records stay intact."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
