"""Replace Wagtail's "Welcome to your new Wagtail site!" page with our home page.

A fresh install (production included) then shows a real home page that editors fill in; `load_demo`
adds the demo's wording and its French translation.
"""

import uuid

from django.conf import settings
from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    welcome_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=welcome_type, slug="home", depth=2).delete()
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    home_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=home_type,
        locale=locale,
        translation_key=uuid.uuid4(),
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        hero_heading="Learn together, act together",
        hero_intro="Courses for migrant and refugee leaders, and toolkits for cities that learn from each other.",
        hero_links=[],
        body=[],
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=homepage.pk, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
