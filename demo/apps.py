from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: data files and the commands that load them. Installed in development and tests
    only (config/settings/dev.py, test.py), never in production, whose demo passwords would be public."""

    name = "demo"
