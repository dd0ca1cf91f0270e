"""The demo's finished trainees hold certificates in English, French and Arabic; loading again adds none
(tests/test_demo_reload.py)."""

import io

from django.core.management import call_command

from learning.certificates.models import Certificate


def test_demo_certificates_in_three_languages(demo, db):  # twice: tests/test_demo_reload.py
    valid = Certificate.objects.filter(status=Certificate.Status.VALID)
    assert {"en", "fr", "ar"} <= set(valid.values_list("language", flat=True))
    assert valid.filter(learner_name="نور الهدى الخطيب", language="ar").exists()
    assert valid.filter(language="fr", course_title__startswith="Mener").exists()  # the French title


def test_demo_certificates_show_a_logo_signatures_a_seal_and_partners_in_three_designs(demo, db):
    from wagtail.models import Site

    from home.models import IssuerSettings
    from learning.certificates import pdf
    from learning.certificates.models import CertificateDesign

    issuer = IssuerSettings.for_site(Site.objects.get(is_default_site=True))
    assert issuer.logo and issuer.signatory_signature and issuer.second_signatory_signature
    designs = CertificateDesign.objects.all()
    assert {design.layout for design in designs} == set(CertificateDesign.Layout.values)
    assert {design.paper_size for design in designs} == set(CertificateDesign.PaperSize.values)
    assert {design.orientation for design in designs} == set(CertificateDesign.Orientation.values)
    assert all(design.partners.exists() for design in designs)
    nour = Certificate.objects.get(learner_name="نور الهدى الخطيب", language="ar")

    html = pdf.certificate_html(nour)

    # The logo, both signatures, the seal (or the drawn one) and each partner's logo, inlined.
    design = nour.enrolment.cohort.course.certificate_design
    assert design is not None
    assert html.count('src="data:image/png;base64,') >= 3 + design.partners.count() + bool(design.seal_id)
    assert 'dir="rtl"' in html


def test_loading_the_demo_over_one_made_before_the_designs_gives_every_course_its_design(demo, db):
    """`make run` loads the demo again over the developer's existing database. One made before courses
    had designs has aliases of those courses in every language, which have no revisions of their own:
    publishing them failed ("save_revision() was called on an alias page")."""
    from learning.models import CoursePage

    assert CoursePage.objects.filter(alias_of__isnull=False).exists()
    CoursePage.objects.update(certificate_design=None)

    call_command("load_demo", stdout=io.StringIO())

    with_design = CoursePage.objects.filter(certificate_design__isnull=False)
    assert with_design.filter(alias_of__isnull=True).exists()
    # The aliases follow their source's design.
    for alias in with_design.filter(alias_of__isnull=False):
        assert alias.certificate_design_id == alias.alias_of.specific.certificate_design_id
