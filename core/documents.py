"""The admin's document upload form: a file whose content is not what its extension says is refused with
a message naming what it really is (core/uploaded_content.py). Plugged in through
WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single, the multiple upload and "replace file" all check it."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views import serve as wagtail_serve

from . import uploaded_content


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        extension = os.path.splitext(upload.name)[1].lstrip(".").lower()
        if uploaded_content.content_matches(upload, extension):
            return upload
        upload.seek(0)
        kind = uploaded_content.kind_of(upload.read(uploaded_content.HEAD_BYTES))
        upload.seek(0)
        if kind:
            message = _(
                "This file is named .%(extension)s but its content is a %(kind)s file. "
                "Upload the document itself, saved as .%(extension)s."
            ) % {"extension": extension, "kind": kind}
        else:
            message = _(
                "This file is named .%(extension)s but its content is not in that format. "
                "Upload the document itself, saved as .%(extension)s."
            ) % {"extension": extension}
        raise ValidationError(message, code="content_does_not_match_extension")


def serve(request, document_id, document_filename):
    """Wagtail's document download, without the header it gets wrong: it sets Content-Encoding to the
    encoding `mimetypes` guesses, which is None for every ordinary file, and Django writes that as the
    text "None" — a coding that does not exist, which a client may refuse to decode. A real one (a
    .gz file's "gzip") is kept."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    return response
