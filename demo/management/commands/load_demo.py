from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_all


class Command(BaseCommand):
    help = (
        "Load the demo site: accounts for each role, pages in English and French (one course in Arabic "
        "and Ukrainian too, every translation made through wagtail-localize), courses, cohorts, toolkits "
        "and plans, from demo/data/. Safe to run again: it updates what exists instead of duplicating it."
    )

    def handle(self, *args, **options):
        # The demo app is installed only where the setting is on; the check stays for a settings module
        # that installs it by mistake, since the demo passwords are public.
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Demo content (with its well-known passwords) is disabled in these settings. "
                "Set DEMO_CONTENT_ALLOWED=true only on a throw-away site."
            )
        load_all(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
