import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


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
        # Each app ships its own part in <app>/demo.py with a load(stdout) function; apps run in
        # INSTALLED_APPS order, so accounts come before the pages and courses that refer to them.
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if not app_config.path.startswith(str(settings.BASE_DIR)):
                    continue  # only this project's apps carry demo data
                module_name = f"{app_config.name}.demo"
                if importlib.util.find_spec(module_name) is None:
                    continue
                importlib.import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
