"""The Certificates entry of the admin's Learning menu: a register to search and filter, never to edit.

Certificates change only through the services (revoke, re-issue, issue for a cohort): the generic add,
edit and delete views are switched off by the permission policy, whatever a role's permissions say.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Certificate, CertificateDesign
from .selectors import may_manage

READ_ONLY = {"view"}


class RegisterPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a in READ_ONLY])


register_permission_policy(Certificate, RegisterPermissionPolicy(Certificate))


class CertificateIndexView(ModelViewSet.index_view_class):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.status == Certificate.Status.VALID and may_manage(
            user=self.request.user, certificate=instance
        ):
            buttons += [
                ListingButton(
                    gettext_lazy("Revoke"),
                    url=reverse("learning_certificates:revoke", args=[instance.pk]),
                    priority=30,
                ),
                ListingButton(
                    gettext_lazy("Re-issue"),
                    url=reverse("learning_certificates:reissue", args=[instance.pk]),
                    priority=40,
                ),
            ]
        return buttons


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "learner_name",
        "course_title",
        "cohort_title",
        Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
        "issued_at",
        "revoked_at",
    ]
    list_filter = ["status", "revocation_reason", "language", "issued_at"]
    list_export = [
        "code",
        "learner_name",
        "course_title",
        "cohort_title",
        "status",
        "issued_at",
        "revoked_at",
    ]
    search_fields = ["learner_name", "course_title", "cohort_title", "code"]
    inspect_view_fields = [
        "code",
        "status",
        "learner_name",
        "course_title",
        "hours",
        "completed_on",
        "cohort_title",
        "issuer_name",
        "trainer_names",
        "language",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "revocation_note",
        "replaced_by",
        "status_list_index",
    ]
    form_fields = ["revocation_note"]  # never shown: the policy refuses the edit view

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/revoke/", admin_views.RevokeView.as_view(), name="revoke"),
            path("<int:pk>/reissue/", admin_views.ReissueView.as_view(), name="reissue"),
            path("cohort/<int:pk>/issue/", admin_views.IssueForCohortView.as_view(), name="issue_for_cohort"),
            path("enrolment/<int:pk>/issue/", admin_views.IssueView.as_view(), name="issue"),
        ]


class CertificateDesignViewSet(ModelViewSet):
    model = CertificateDesign
    icon = "image"
    menu_label = gettext_lazy("Certificate designs")
    list_display = ["name", "layout", "paper_size", "orientation", "accent_colour"]
    # The form is the model's panels: the partners are an inline list of the design.
