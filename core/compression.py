"""Pages and other text gzipped on their way out; files people download left as they are.

Django's GZipMiddleware compresses every response, file downloads included: a PDF, DOCX or XLSX is
already compressed (gzip saves nothing there) and a streamed file would lose its Content-Length, so
a phone could not show how much of a 20 MB toolkit document is left. Only text shown in the browser
is compressed: a response sent as an attachment (a document, an export) goes as it is.
Static files never get this far: WhiteNoise, above it, answers them with its own .br and .gz copies.
Why compressing pages that hold a CSRF token is safe is said where it sits in MIDDLEWARE.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = ("text/", "application/json", "application/ld+json", "application/xml", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        attachment = response.get("Content-Disposition", "").lower().startswith("attachment")
        if attachment or not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
