"""Uploaded images lose what their camera or phone wrote into them (EXIF with GPS, XMP, comments, PNG text)
before they are stored: a trainee's photo put on a course page must not tell the world where it was taken.

Wagtail (8.0) stores the original as uploaded and only its renditions drop metadata; the original stays
reachable (the admin, `{% image ... original %}`, the file's URL). Done in the upload form's field
(core/images.py), which the single, the multiple and the chooser upload and "replace file" all use.
Pixels are kept: a JPEG keeps its quantisation tables (`quality="keep"`), an ICC profile its colours, and
the EXIF orientation is kept alone so that a portrait photo stays upright.
"""

import io

from PIL import Image

# What Pillow reports about the encoding itself: not about the person, the place or the device.
TECHNICAL = {
    "adobe",
    "adobe_transform",
    "aspect",
    "background",
    "chromaticity",
    "dpi",
    "duration",
    "extension",  # GIF's NETSCAPE loop block
    "gamma",
    "icc_profile",
    "interlace",
    "jfif",
    "jfif_density",
    "jfif_unit",
    "jfif_version",
    "loop",
    "progression",
    "progressive",
    "srgb",
    "timestamp",
    "transparency",
    "version",
}
ORIENTATION = 0x0112
# Lossy formats without a "keep" mode are re-encoded at a quality no one tells from the original.
REENCODE_QUALITY = 90


def metadata_keys(image: Image.Image) -> set[str]:
    """The non-technical metadata an opened image carries (EXIF, XMP, comments, PNG text...)."""
    return set(image.info) - TECHNICAL


def without_metadata(data: bytes) -> bytes | None:
    """The image in `data` saved again without its metadata, or None when it carries none (kept as is)."""
    image = Image.open(io.BytesIO(data))
    if not metadata_keys(image) and not image.getexif():
        return None
    fmt = image.format
    options = {"format": fmt}
    if getattr(image, "is_animated", False):
        options["save_all"] = True
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    orientation = image.getexif().get(ORIENTATION)
    if orientation and orientation != 1:
        kept = Image.Exif()
        kept[ORIENTATION] = orientation
        options["exif"] = kept.tobytes()
    if fmt == "JPEG":
        options.update(quality="keep", subsampling="keep", comment=b"")
        options["progressive"] = bool(image.info.get("progressive"))
    elif fmt in ("WEBP", "AVIF"):
        options["quality"] = REENCODE_QUALITY
    elif fmt == "GIF":
        options["comment"] = b""
    out = io.BytesIO()
    image.save(out, **options)
    return out.getvalue()
