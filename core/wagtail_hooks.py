"""Admin rules that belong to no single app."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

from . import admin_csp


class DeleteBulkActionWithRefusals(DeleteBulkAction):
    """Wagtail's bulk delete of pages, asking the same `before_delete_page` hooks as the single delete.

    Wagtail runs those hooks only for one page at a time, so the apps' refusals (a course with people's
    records, a template cities used) were skipped and the delete ended in a ProtectedError (a 500) or in
    "you do not have permission". The hooks are asked before anything else, for every selected page; a
    single refusal stops the whole action with the hooks' own messages.
    """

    def prepare_action(self, objects, objects_without_access):
        refused = False
        for page in objects:
            for hook in hooks.get_hooks("before_delete_page"):
                if hasattr(hook(self.request, page), "status_code"):
                    refused = True
                    break
        if refused:
            messages.error(self.request, _("Nothing was deleted."))
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)


# Registered after Wagtail's own (order), so this class replaces its page delete action.
hooks.register("register_bulk_action", DeleteBulkActionWithRefusals, order=100)


@hooks.register("insert_global_admin_js")
def admin_starts_without_inline_scripts():
    """Starts what Wagtail writes as inline scripts (core/admin_csp.py); output before the page's body."""
    return admin_csp.script_tag()
