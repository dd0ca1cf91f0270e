"""Find a named module (privacy...) in each of this project's apps, in INSTALLED_APPS order.

Each capability keeps its own part of a cross-cutting job in its own app (its share of a person's data
export and erasure) instead of one central module that knows every app.
"""

import importlib
import importlib.util
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps
from django.conf import settings


def project_modules(name: str) -> Iterator[ModuleType]:
    for app_config in apps.get_app_configs():
        if not app_config.path.startswith(str(settings.BASE_DIR)):
            continue  # third-party apps are not ours to drive
        module_name = f"{app_config.name}.{name}"
        if importlib.util.find_spec(module_name) is not None:
            yield importlib.import_module(module_name)
