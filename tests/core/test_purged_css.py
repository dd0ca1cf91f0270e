"""The cut-down Bootstrap (site/purge/purge-bootstrap.mjs, `make css`) keeps the rules of the classes the
templates use. It reads the apps it is told about: an app left out of its list loses its classes' rules
silently (the discussions' did, until this test)."""

import json
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_every_app_with_templates_is_read_by_the_purge():
    script = (ROOT / "site" / "purge" / "purge-bootstrap.mjs").read_text()
    listed = set(json.loads(re.search(r"const apps = (\[.*?\]);", script).group(1)))
    with_templates = {
        folder.name
        for folder in ROOT.iterdir()
        if folder.is_dir()
        and not folder.name.startswith(".")
        and folder.name not in {"tests", "bench"}
        and any(folder.rglob("templates/**/*.html"))
    }
    assert with_templates - listed == set()
