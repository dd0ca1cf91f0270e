"""The certificates' look in the demo: the issuer's logo and signatures, and one design per course.

Runs after the courses exist and before anything commits: the certificates the demo issues are rendered
after the commit, so with these designs. Loading again updates the same rows.
"""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import IssuerSettings
from learning.certificates.models import CertificateDesign, CertificatePartner
from learning.models import CoursePage

from .data import publish, read

ASSETS = Path(__file__).resolve().parent / "assets" / "certificates"


def _images(titles: dict) -> dict:
    Image = get_image_model()
    images = {}
    for file_name, title in titles.items():
        image = Image.objects.filter(title=title).first()
        if image is None:
            with (ASSETS / file_name).open("rb") as file:
                image = Image(title=title, file=ImageFile(file, name=file_name))
                image.save()
        images[file_name] = image
    return images


def _issuer(spec: dict, images: dict) -> None:
    issuer = IssuerSettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in spec.items():
        setattr(issuer, field, images.get(value, value))
    issuer.save()


def _design(spec: dict, images: dict, courses: dict) -> CertificateDesign:
    fields = {
        key: spec[key] for key in ("layout", "paper_size", "orientation", "accent_colour", "background")
    }
    design, _created = CertificateDesign.objects.update_or_create(
        name=spec["name"], defaults={**fields, "seal": images.get(spec["seal"])}
    )
    design.partners.all().delete()
    for order, (name, logo) in enumerate(spec["partners"]):
        CertificatePartner.objects.create(design=design, name=name, logo=images[logo], sort_order=order)
    # Every translation of the course carries the design, published as an editor would (a revision), so
    # the next edit in the admin keeps it. Aliases (a language's copy of an untranslated course) have no
    # revisions of their own: publishing their source updates them.
    slug = courses[spec["course"]]["slug"]["en"]
    key = CoursePage.objects.get(slug=slug, locale__language_code="en").translation_key
    for course in CoursePage.objects.filter(translation_key=key, alias_of__isnull=True):
        if course.certificate_design_id != design.pk:
            course.certificate_design = design
            publish(course)
    return design


def load(stdout) -> None:
    data = read("certificates")
    images = _images(data["images"])
    _issuer(data["issuer"], images)
    courses = read("courses")["courses"]
    designs = [_design(spec, images, courses) for spec in data["designs"]]
    stdout.write(f"  certificates: the issuer's logo and signatures, {len(designs)} designs")
