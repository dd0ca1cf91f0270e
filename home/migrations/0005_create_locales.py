"""Every configured content language is a Wagtail locale, so editors can translate any page into any of them.

Idempotent: a locale that exists already (English from 0002, French from the demo) is left as it is. Run
again after a language is added to WAGTAIL_CONTENT_LANGUAGES (or call `create_locales` from a new migration).
"""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    existing = set(Locale.objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        Locale(language_code=code)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0004_issuer_settings"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
