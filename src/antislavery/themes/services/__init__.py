"""Everything that changes the codebook, passages and their coding. Each function checks
permission, changes state in one transaction and writes the audit entry."""

from .analysis import AnalysisResult, analyse_request, refresh_suggestions, suggest_passages
from .codebook import add_code, sync_builtin_codebook
from .coding import code_passage

__all__ = [
    "AnalysisResult",
    "add_code",
    "analyse_request",
    "code_passage",
    "refresh_suggestions",
    "suggest_passages",
    "sync_builtin_codebook",
]
