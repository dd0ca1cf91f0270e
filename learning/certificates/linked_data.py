"""JSON-LD for Data Integrity proofs: RDF Dataset Canonicalization (RDFC-1.0, the algorithm PyLD names
URDNA2015) with contexts read only from the vendored files in contexts/.

The canonical form is what a Data Integrity signature covers. A context loaded over the network at signing
or verifying time would let whoever serves it change what a credential means, and would make a check depend
on a third party being up, so the loader below is a closed list: any other URL is refused, and signing a
document that names one fails instead of fetching it.
"""

from functools import cache
from pathlib import Path

CONTEXTS_DIR = Path(__file__).parent / "contexts"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# Defines `1EdTechJsonSchemaValidator2019`, the credentialSchema type Open Badges requires: without it the
# type is a relative IRI, which JSON-LD "safe mode" verifiers (verifier-core, 1EdTech's validator) refuse.
OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"

VENDORED_CONTEXTS = {
    VC_CONTEXT: CONTEXTS_DIR / "credentials-v2.jsonld",
    OB_CONTEXT: CONTEXTS_DIR / "ob-v3p0-context-3.0.3.json",
    OB_EXTENSIONS_CONTEXT: CONTEXTS_DIR / "ob-v3p0-extensions.json",
}


class ContextNotVendored(Exception):
    """A document names a JSON-LD context we do not keep a copy of; it is never fetched."""


@cache
def document_loader():
    """A pyld FrozenDocumentLoader; one per process: it only ever serves the immutable files above."""
    # PyLD is imported when a credential is signed or checked, not by every web worker that merely
    # imports the certificates app (about 25 MiB of resident memory per process).
    from pyld.documentloader.frozen import FrozenDocumentLoader

    return FrozenDocumentLoader(documents=VENDORED_CONTEXTS)


def canonize(document: dict) -> str:
    """The document's RDF dataset as canonical N-Quads (RDFC-1.0)."""
    from pyld import jsonld  # heavy: only where a credential is signed or checked (see document_loader)

    try:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader(),
            },
        )
    except jsonld.JsonLdError as error:
        if _refused_url(error):
            raise ContextNotVendored(_refused_url(error)) from error
        raise


def _refused_url(error: BaseException | None) -> str:
    """The URL the frozen loader refused, found anywhere in the chain of causes."""
    while error is not None:
        details = getattr(error, "details", None)
        if isinstance(details, dict) and details.get("url"):
            return details["url"]
        error = error.__cause__
    return ""
