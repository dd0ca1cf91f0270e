"""Admin rules that belong to no single app."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

from . import admin_csp
from .translation_publish import publishing_translation, translation_errors


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


def refuse_invalid_translation(request, page):
    """Publishing in wagtail-localize's editor: a translation that fails the page's checks is not
    published, and the editor is told each problem and where it is (core/translation_publish.py)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = publishing_translation(page)
    if translation is None or not page.permissions_for_user(request.user).can_publish():
        return None  # not a translation, or wagtail-localize refuses it itself
    errors = translation_errors(translation)
    if not errors:
        return None  # wagtail-localize publishes it
    messages.error(
        request,
        _("'%(page)s' was not published in %(language)s: fix the translation and publish again.")
        % {"page": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()},
    )
    for error in errors:
        messages.error(request, error)
    return redirect(request.path)


# Before wagtail-localize's own hook (order 0), which takes over the edit view of a translation.
hooks.register("before_edit_page", refuse_invalid_translation, order=-1)


@hooks.register("insert_global_admin_js")
def admin_starts_without_inline_scripts():
    """Starts what Wagtail writes as inline scripts (core/admin_csp.py); output before the page's body."""
    return admin_csp.script_tag()
