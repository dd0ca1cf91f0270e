"""The Wagtail admin without inline scripts, so that its Content Security Policy needs no 'unsafe-inline'.

Wagtail 8 still starts a few widgets with an inline `<script>` (choosers, date pickers, inline panels,
wagtail-localize's editor). Each of those calls is written instead as inert JSON, a `<script
type="application/json" data-admin-init>` that no browser runs, and `core/js/admin-init.js` (one file from
this origin) makes the call, for the page as it is parsed and for every part added later (a new inline
panel row, a modal, a dialog moved into place). It calls only the constructors and functions it lists,
with JSON arguments: text that reaches the page cannot name anything else.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

SCRIPT = "core/js/admin-init.js"
# json_script's escapes: nothing in the data can close the element or start markup.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def init_call(kind: str, name: str, *args) -> SafeString:
    """`new name(*args)` (kind "new") or `name(*args)` (kind "call"), made by admin-init.js."""
    data = json.dumps({kind: name, "args": list(args)}, cls=DjangoJSONEncoder).translate(_ESCAPES)
    return format_html('<script type="application/json" data-admin-init>{}</script>', mark_safe(data))  # noqa: S308


def script_tag() -> SafeString:
    return format_html('<script src="{}"></script>', static(SCRIPT))


def _chooser_render(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, with its start as inert JSON instead of `<script>new Chooser(…)</script>`."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    html = self.render_html(name, value_data, attrs)
    if isinstance(self, AdminTaskChooser):
        start = init_call("call", "createTaskChooser", id_)
    elif type(self).render_js_init is BaseChooser.render_js_init:
        start = init_call("new", self.js_constructor, id_, self.get_js_init_options(id_, name, value_data))
    else:  # a chooser with a start of its own: left inline (the admin's CSP test would name it)
        return _original_chooser_render(self, name, value, attrs, renderer)
    return mark_safe(html + start)  # noqa: S308 - render_html is Wagtail's escaped widget markup


_original_chooser_render = None


def start_choosers_without_inline_scripts() -> None:
    global _original_chooser_render
    if _original_chooser_render is None:
        _original_chooser_render = BaseChooser.render
        BaseChooser.render = _chooser_render
