"""The demo's finished trainees hold certificates in English, French and Arabic; loading again adds none."""

import io

from django.core.management import call_command

from learning.certificates.models import Certificate


def test_demo_certificates_in_three_languages_and_idempotent(demo, db):
    valid = Certificate.objects.filter(status=Certificate.Status.VALID)
    assert {"en", "fr", "ar"} <= set(valid.values_list("language", flat=True))
    assert valid.filter(learner_name="نور الهدى الخطيب", language="ar").exists()
    assert valid.filter(language="fr", course_title__startswith="Mener").exists()  # the French title
    before = Certificate.objects.count()

    call_command("load_demo", stdout=io.StringIO())

    assert Certificate.objects.count() == before
