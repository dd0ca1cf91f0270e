"""Create the organisation's Ed25519 certificate signing key, outside the repository.

    manage.py certificate_keys --output /etc/mutual-learning/certificate-signing-key.pem

then point CERTIFICATE_SIGNING_KEY_FILE at it (or put its text in CERTIFICATE_SIGNING_KEY). It never
overwrites an existing key: credentials signed with it could not be verified any more.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.certificates import keys, openbadges


class Command(BaseCommand):
    help = "Create the Ed25519 key that signs certificates (never overwrites one), and show its DID."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="PEM file to write (default: CERTIFICATE_SIGNING_KEY_FILE)")

    def handle(self, *args, output=None, **options):
        path = Path(output or settings.CERTIFICATE_SIGNING_KEY_FILE or "")
        if not str(path) or str(path) == ".":
            raise CommandError("Give --output PATH, or set CERTIFICATE_SIGNING_KEY_FILE.")
        if path.resolve().is_relative_to(Path(settings.BASE_DIR).resolve()) and ".keys" not in path.parts:
            raise CommandError("Keep the key outside the project folder (or in its gitignored .keys/).")
        if not keys.write_new_key(path):
            raise CommandError(f"{path} exists already; it was left unchanged.")
        self.stdout.write(f"Wrote {path} (mode 600). Set CERTIFICATE_SIGNING_KEY_FILE={path}")
        if not output or path == Path(settings.CERTIFICATE_SIGNING_KEY_FILE or ""):
            self.stdout.write(f"Issuer: {openbadges.issuer_did()}")
