"""The admin side of consent: editors publish new versions of the privacy notice and the terms."""

from django.utils.translation import gettext_lazy as _
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
