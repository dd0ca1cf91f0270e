from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.discovery import project_modules


class Command(BaseCommand):
    help = (
        "Load the demo site: accounts for each role, pages in English and French, and each app's own "
        "demo data. Safe to run again: it updates what exists instead of duplicating it."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Demo content (with its well-known passwords) is disabled in these settings. "
                "Set DEMO_CONTENT_ALLOWED=true only on a throw-away site."
            )
        # Each app ships its part in <app>/demo.py with a load(stdout) function; apps run in
        # INSTALLED_APPS order, so accounts come before the pages and courses that refer to them.
        with transaction.atomic():
            for module in project_modules("demo"):
                module.load(self.stdout)
            # Pages made in code (not through the admin's create view) get no aliases from
            # wagtail-localize's hook: every language's tree gets its aliases of what is not translated,
            # so the demo is read in each language under that language's prefix.
            call_command("sync_locale_trees", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
