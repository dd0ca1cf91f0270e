"""The resident memory each import adds while django.setup() and config.wsgi load (bench.memory prints it).

    DJANGO_SETTINGS_MODULE=config.settings.production .venv/bin/python -m bench.import_profile run

Its own imports are the standard library's alone, so that nothing of the site's is loaded before it
starts counting. Prints JSON.
"""

import collections
import contextlib
import importlib.abc
import json
import os
import sys


class _ImportMeter(importlib.abc.MetaPathFinder):
    """Charges each module the resident memory its own code added (what its imports add is theirs)."""

    def __init__(self):
        self.own = collections.Counter()
        self.first_importer = {}  # top-level package -> the chain of modules that first imported it
        self._stack = []  # [module name, memory charged to its imports so far]

    @staticmethod
    def resident() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                self._wrap(spec.loader, name)
            return spec
        return None

    def _wrap(self, loader, name):
        execute = loader.exec_module

        def exec_module(module):
            top = name.partition(".")[0]
            if top not in self.first_importer:
                chain = [entry[0] for entry in self._stack if entry[0].partition(".")[0] != top]
                self.first_importer[top] = chain[-3:]
            self._stack.append([name, 0])
            started = self.resident()
            try:
                execute(module)
            finally:
                grown = self.resident() - started
                _, children = self._stack.pop()
                self.own[name] += grown - children
                if self._stack:
                    self._stack[-1][1] += grown

        # A loader that cannot take it (a frozen one) leaves the module's growth to its importer.
        with contextlib.suppress(AttributeError):
            loader.exec_module = exec_module


def profile() -> dict:
    """Resident memory per package and per module while django.setup() and config.wsgi load."""
    meter = _ImportMeter()
    before = meter.resident()
    sys.meta_path.insert(0, meter)
    import django

    django.setup()
    import config.wsgi  # noqa: F401 - the application gunicorn loads, with its middleware

    sys.meta_path.remove(meter)
    packages = collections.Counter()
    for name, grown in meter.own.items():
        packages[name.partition(".")[0]] += grown
    return {
        "before": before,
        "after": meter.resident(),
        "packages": [
            [name, size, meter.first_importer.get(name, [])] for name, size in packages.most_common(30)
        ],
        "modules": meter.own.most_common(25),
    }


if __name__ == "__main__" and sys.argv[1:] == ["run"]:
    print(json.dumps(profile()))
