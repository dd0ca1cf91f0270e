"""Create the organisation's two certificate signing keys, outside the repository.

    manage.py certificate_keys --output /etc/mutual-learning/certificate-signing-key.pem \
        --jwt-output /etc/mutual-learning/certificate-jwt-key.pem

writes the Ed25519 key (Data Integrity proofs, VC-JOSE, status lists) and the P-256 key (the Open Badges JWT,
ES256); then point CERTIFICATE_SIGNING_KEY_FILE and CERTIFICATE_JWT_KEY_FILE at them (or put their text in
CERTIFICATE_SIGNING_KEY and CERTIFICATE_JWT_KEY). Without --jwt-output the P-256 key goes beside the Ed25519
one. A key that exists is never overwritten: credentials signed with it could not be verified any more.

To rotate, write new keys to new paths and point the settings at them: the old public keys stay published
in the DID document and the JWKS (they were recorded when they first signed).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.certificates import issuer, keys


class Command(BaseCommand):
    help = (
        "Create the Ed25519 and P-256 keys that sign certificates (never overwrites one), and show the DID."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Ed25519 PEM file to write (default: CERTIFICATE_SIGNING_KEY_FILE)"
        )
        parser.add_argument(
            "--jwt-output",
            help="P-256 PEM file to write (default: CERTIFICATE_JWT_KEY_FILE, or beside --output)",
        )

    def handle(self, *args, output=None, jwt_output=None, **options):
        signing = self._path(output or settings.CERTIFICATE_SIGNING_KEY_FILE)
        if signing is None:
            raise CommandError("Give --output PATH, or set CERTIFICATE_SIGNING_KEY_FILE.")
        jwt = self._path(jwt_output or (None if output else settings.CERTIFICATE_JWT_KEY_FILE))
        jwt = jwt or signing.with_name("certificate-jwt-key.pem")
        if jwt == signing:
            raise CommandError("The two keys need two different files.")
        written = []
        for path, kind, setting in (
            (signing, keys.ED25519, "CERTIFICATE_SIGNING_KEY_FILE"),
            (jwt, keys.P256, "CERTIFICATE_JWT_KEY_FILE"),
        ):
            if keys.write_new_key(path, kind):
                written.append(path)
                self.stdout.write(f"Wrote the {kind.name} key to {path} (mode 600). Set {setting}={path}")
            else:
                self.stdout.write(f"{path} exists already; it was left unchanged.")
        if not written:
            raise CommandError(f"{signing} exists already, and so does {jwt}; both were left unchanged.")
        if not output:
            self.stdout.write(f"Issuer: {issuer.issuer_did()}")

    def _path(self, value) -> Path | None:
        if not value or str(value) == ".":
            return None
        path = Path(value)
        if path.resolve().is_relative_to(Path(settings.BASE_DIR).resolve()) and ".keys" not in path.parts:
            raise CommandError("Keep the keys outside the project folder (or in its gitignored .keys/).")
        return path
