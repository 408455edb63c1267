"""Everything that changes the codebook, passages and their coding. Each function checks
permission, changes state in one transaction and writes the audit entry."""

from .codebook import add_code, sync_builtin_codebook

__all__ = ["add_code", "sync_builtin_codebook"]
