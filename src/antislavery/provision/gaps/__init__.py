"""Gap analysis: what an area's provision lacks, given its own local picture.

:func:`analyse_gaps` is pure: it reads the area's entries, its :class:`LocalFigures` and the
published practice of other areas, and returns findings with stable codes. The checklist comes
from the HMICFRS recommendation (support before, after and outside the NRM) and the APCC
update's challenges (accommodation before a referral decision, language, evaluation).

Only running or pilot entries that are complete (not drafts) and not withdrawn count as
provision. A list left empty on an entry (stages, groups, exploitation types, languages) means
"not stated" and covers nothing.
"""

from .checks import (
    CHILD_SHARE_MARGIN,
    EVALUATED,
    LARGE_EXPLOITATION_SHARE,
    MAX_EXAMPLES,
    MIN_NATIONALITY_SHARE,
    MOST_REFERRED_NATIONALITIES,
    analyse_gaps,
    exploitation_shares,
)
from .report import FINDING_CODES, Example, Figure, Finding, GapReport, NotAssessed

__all__ = [
    "CHILD_SHARE_MARGIN", "EVALUATED", "FINDING_CODES", "LARGE_EXPLOITATION_SHARE",
    "MAX_EXAMPLES", "MIN_NATIONALITY_SHARE", "MOST_REFERRED_NATIONALITIES", "Example", "Figure",
    "Finding", "GapReport", "NotAssessed", "analyse_gaps", "exploitation_shares",
]
