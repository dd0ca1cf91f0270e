"""The admin's image upload form: a file that only looks like an image is refused with a message.

Wagtail (8.0) recognises a format from the file's first bytes and opens the image itself only when it
checks the pixel size, outside its own "not a valid image" handling: a junk file named .gif with a GIF
header answered 500. Plugged in through WAGTAILIMAGES_IMAGE_FORM_BASE, used by the single and the
multiple upload alike.
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class UploadedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(BaseImageForm):
    file = UploadedImageField(label=capfirst(_("file")), widget=BaseImageForm.Meta.widgets["file"])
