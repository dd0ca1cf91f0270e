"""Outgoing e-mail in the admin: staff see what was sent, what waits for a retry and what failed, and send
a failed e-mail again. Nobody edits a record: only the outbox service writes them."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import services
from .models import OutgoingEmail


class ReadOnlyForStaffPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy"):
            return False
        return bool(user.is_active and (user.is_staff or super().user_has_permission(user, action)))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def may_view(user) -> bool:
    return ReadOnlyForStaffPolicy(OutgoingEmail).user_has_permission(user, "view")


class OutgoingEmailIndexView(ModelViewSet.index_view_class):
    def get_list_buttons(self, instance):
        buttons = list(super().get_list_buttons(instance))
        if instance.status == OutgoingEmail.Status.FAILED:
            url = reverse("outbox_retry", args=[quote(instance.pk)])
            buttons.append(ListingButton(gettext_lazy("Send again"), url=url, priority=10))
        return buttons


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    index_view_class = OutgoingEmailIndexView
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mail")
    add_to_settings_menu = True
    list_display = ["subject", "to", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["to", "subject"]
    inspect_view_enabled = True
    # Never the body: it can hold a password-reset or sign-in link meant for the recipient alone.
    inspect_view_fields = [
        "kind",
        "to",
        "from_email",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
    ]
    form_fields = ["subject"]
    copy_view_enabled = False


register_permission_policy(OutgoingEmail, ReadOnlyForStaffPolicy(OutgoingEmail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("outbox", url_prefix="outbox")


@require_http_methods(["GET", "POST"])
def retry(request, pk):
    if not may_view(request.user):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    if request.method == "POST":
        if services.email_retry(email=email):
            messages.success(request, _("The e-mail to %(to)s is queued again.") % {"to": email.to})
        else:
            email.refresh_from_db(fields=["status"])
            messages.warning(
                request,
                _("This e-mail is “%(status)s”: only a failed e-mail can be sent again. Nothing was changed.")
                % {"status": email.get_status_display()},
            )
        return redirect("outbox:index")
    return TemplateResponse(request, "outbox/retry_confirm.html", {"email": email})


@hooks.register("register_admin_urls")
def register_retry_url():
    return [path("outbox/<int:pk>/retry/", retry, name="outbox_retry")]
