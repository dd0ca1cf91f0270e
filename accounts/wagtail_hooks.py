"""The admin side of consent: editors publish new versions of the privacy notice and the terms."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LegalVersion


class LegalVersionViewSet(SnippetViewSet):
    model = LegalVersion
    icon = "doc-full"
    menu_label = _("Privacy and terms")
    menu_name = "legal_versions"
    menu_order = 850
    add_to_admin_menu = True
    list_display = ["__str__", "date", "live", "locale"]
    list_filter = ["document"]


register_snippet(LegalVersionViewSet)


@hooks.register("before_delete_page")
def refuse_deleting_legal_text(request, page):
    """A page holding the text of a version of the privacy notice or the terms (or above one) stays: it
    is what people accepted, and the version protects it (a ProtectedError otherwise, a 500). Asked by
    the bulk delete too (core.wagtail_hooks.DeleteBulkActionWithRefusals)."""
    if LegalVersion.objects.filter(page__path__startswith=page.path).exists():
        text = gettext_now(
            "“%(title)s” cannot be deleted: it holds (or is above) the text of a version of the privacy "
            "notice or the terms that people accepted. Unpublish it or edit its text instead."
        )
        messages.error(request, text % {"title": page.get_admin_display_title()})
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
