"""The admin points staff to the site's moderation page rather than editing posts itself: hiding and
restoring go through community.services, with their note, whichever door a moderator comes through."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learning.workspace.permissions import is_staff_for_cohorts


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff_for_cohorts(request.user)


@hooks.register("register_reports_menu_item")
def register_reported_posts_menu_item():
    return ModeratorMenuItem(
        _("Reported discussion posts"), reverse("community:reports"), icon_name="warning", order=1110
    )
