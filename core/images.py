"""The admin's image upload form: a file that only looks like an image is refused with a message, and
what the camera wrote into a photo (EXIF with GPS, XMP) is removed before it is stored.

Wagtail (8.0) recognises a format from the file's first bytes and opens the image itself only when it
checks the pixel size, outside its own "not a valid image" handling: a junk file named .gif with a GIF
header answered 500. Wagtail also refuses a file whose content is another format than its extension says
(a PNG named .jpg) or no image at all (an HTML page named .jpg). Plugged in through
WAGTAILIMAGES_IMAGE_FORM_BASE, used by the single and the multiple upload alike.
"""

from io import BytesIO

import willow
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .image_metadata import without_metadata

UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


class UploadedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except UNREADABLE as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error

    def to_python(self, data):
        f = super().to_python(data)
        if f is None or f.image.format_name == "svg":
            return f
        f.seek(0)
        original = f.read()
        f.seek(0)
        try:
            cleaned = without_metadata(original)
        except UNREADABLE as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        if cleaned is None:
            return f
        stripped = SimpleUploadedFile(f.name, cleaned, content_type=getattr(f, "content_type", None))
        stripped.image = willow.Image.open(BytesIO(cleaned))
        return stripped


class ImageForm(BaseImageForm):
    file = UploadedImageField(label=capfirst(_("file")), widget=BaseImageForm.Meta.widgets["file"])
