"""What `make run` prints for logging in, and what the README points to."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

README = Path(settings.BASE_DIR) / "README.md"


def test_make_run_prints_every_demo_login_the_readme_lists():
    listed = set(re.findall(r"[\w.+-]+@example\.org", README.read_text()))
    output = io.StringIO()

    call_command("demo_logins", stdout=output)

    printed = set(re.findall(r"[\w.+-]+@example\.org", output.getvalue()))
    assert {"nour@example.org", "gdansk.team@example.org", "brighton@example.org"} <= listed
    assert listed - printed == set()


def test_readme_links_stay_inside_the_repository():
    root = Path(settings.BASE_DIR).resolve()
    targets = re.findall(r"\]\(([^)#\s]+)", README.read_text())
    local = [target for target in targets if "://" not in target and not target.startswith("mailto:")]

    outside = [target for target in local if not (root / target).resolve().is_relative_to(root)]
    missing = [target for target in local if not (root / target).resolve().exists()]
    assert outside == [] and missing == []
