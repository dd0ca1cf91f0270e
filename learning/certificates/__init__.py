"""Certificates anyone can verify: issuing and revoking (services), the PDF, the public verification page,
and the signed Open Badges 3.0 credential with its did:web issuer and Bitstring Status List.

The model lives in learning/models/certificates.py with the rest of people's data."""
