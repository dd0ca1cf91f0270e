"""Every configured content language is a Wagtail locale whose page tree follows the default language's.

An editor can then translate any page into any of the site's languages, and wagtail-localize's tree
synchronisation keeps an alias of each untranslated page in every locale (created with the page, updated
when its source is published, replaced by the translation once there is one): a link in any language
stays under that language's prefix. Pages that exist before this migration get their aliases from
`manage.py sync_locale_trees` (`load_demo` runs it).
"""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale.pk != default.pk:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_issuer_settings"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    # Going back leaves the locales: pages may already be translated into them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
