"""Certificates anyone can verify: issuing and revoking (services), the PDF, the public verification page,
and the signed Open Badges 3.0 credential with its did:web issuer and Bitstring Status List.

An app of its own (label `certificates`, apps.py), nested in learning because a certificate is earned in a
course: its models keep the tables they had in learning (see learning/migrations/0010)."""
