"""The gap report's parts: findings with stable codes, the figures behind them, examples."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

# The stable codes, in the order findings are listed.
FINDING_CODES = (
    "no_support_before_nrm", "no_support_after_nrm", "no_support_outside_nrm",
    "no_emergency_accommodation", "language_gap", "child_support_gap", "exploitation_gap",
    "ending_without_successor", "nothing_evaluated",
)


@dataclass(frozen=True)
class Figure:
    """The local figure behind a finding: a sentence, its value and what it is set against."""

    text: str
    value: float | int | str
    comparison: float | None = None
    period: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "comparison": self.comparison,
                "period": self.period}


@dataclass(frozen=True)
class Example:
    area: str
    area_name: str
    title: str
    entry_id: int | None
    evidence: str

    def as_dict(self) -> dict[str, Any]:
        return {"area": self.area, "title": self.title, "evidence": self.evidence}


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    why: str
    figure: Figure | None = None
    examples: list[Example] = field(default_factory=list)
    subject: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "subject": self.subject, "title": self.title,
                "why": self.why, "figure": self.figure.as_dict() if self.figure else None,
                "examples": [example.as_dict() for example in self.examples]}


@dataclass(frozen=True)
class NotAssessed:
    """A check that could not be made, and why (usually: no local figures)."""

    code: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason}


@dataclass(frozen=True)
class GapReport:
    area: str
    area_name: str
    as_of: datetime.date
    findings: list[Finding]
    not_assessed: list[NotAssessed]
    period: str = ""
    synthetic: bool = False
    sources: list[str] = field(default_factory=list)
    provision_count: int = 0
    # The disclosure notes the figures carry (protected sources; unrounded for staff).
    disclosure_notes: list[str] = field(default_factory=list)
    not_for_publication: bool = False

    @property
    def codes(self) -> list[str]:
        return [finding.code for finding in self.findings]

    def as_dict(self) -> dict[str, Any]:
        return {"area": self.area, "as_of": self.as_of.isoformat(), "period": self.period,
                "synthetic": self.synthetic, "sources": list(self.sources),
                "provision_count": self.provision_count,
                "not_for_publication": self.not_for_publication,
                "disclosure_notes": list(self.disclosure_notes),
                "findings": [finding.as_dict() for finding in self.findings],
                "not_assessed": [item.as_dict() for item in self.not_assessed]}
