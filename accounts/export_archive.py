"""The ZIP of "download my data": one JSON file per section of the privacy registry, the person's own
files, and a README.txt in their language saying what each file is.

Each app's privacy.py gives its section (`export_user_data`, merged by accounts.services), a sentence
saying what the section holds (`EXPORT_DESCRIPTION`) and, when it keeps files of the person, lists
them (`export_user_files`, yielding PersonalFile). Files are copied from their storage in chunks with
storage calls only, so the archive is made the same way from local disk and from an S3 bucket, and
never held in memory whole.
"""

import json
import shutil
import zipfile
from collections.abc import Iterator
from typing import IO, NamedTuple

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from core.discovery import project_modules

from .services import user_data_export

CHUNK = 1024 * 1024


class PersonalFile(NamedTuple):
    """A file of the person's: where it goes in the archive, where it is kept, and what it is."""

    path: str  # inside the archive, under files/
    storage: object
    name: str  # in `storage`
    description: str


def section_descriptions() -> dict[str, str]:
    """{section: what it holds}, from the privacy module of each section's app (a nested app's module
    adds to its package's section, as its data does)."""
    descriptions: dict[str, list[str]] = {}
    # The package's own sentence first, then its nested apps' (learning, then its certificates).
    modules = sorted(project_modules("privacy"), key=lambda module: module.__name__.count("."))
    for module in modules:
        text = getattr(module, "EXPORT_DESCRIPTION", "")
        section = module.__name__.split(".")[0]
        descriptions.setdefault(section, [])
        if text:
            descriptions[section].append(str(text))
    return {section: " ".join(texts) for section, texts in descriptions.items()}


def personal_files(user) -> Iterator[PersonalFile]:
    for module in project_modules("privacy"):
        if hasattr(module, "export_user_files"):
            yield from module.export_user_files(user)


def write_archive(*, user, file: IO[bytes]) -> None:
    """Write the person's archive into `file` (a temporary file the caller then stores)."""
    data = user_data_export(user=user)
    with translation.override(user.language):
        descriptions = section_descriptions()
        files = list(personal_files(user))
        contents = [
            (f"{section}.json", descriptions.get(section) or gettext("Data of this part of the platform."))
            for section in data
        ]
        contents += [(f"files/{f.path}", f.description) for f in files]
        readme = render_to_string("accounts/data_export/README.txt", {"user": user, "contents": contents})
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.encode())
        for section, content in data.items():
            text = json.dumps(content, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, sort_keys=True)
            archive.writestr(f"{section}.json", text.encode())
        for personal in files:
            with (
                personal.storage.open(personal.name, "rb") as source,
                archive.open(f"files/{personal.path}", "w") as target,
            ):
                shutil.copyfileobj(source, target, CHUNK)
