"""Agreement between two codings of the same passages, code by code (Cohen's kappa).

Each coding maps a passage to the set of codes given to it. Only passages present in both
codings count. Kappa is undefined when both codings give a code to all of the passages or to
none of them (there is nothing to agree beyond chance): it is reported as ``None``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sklearn.metrics import cohen_kappa_score


@dataclass(frozen=True)
class Agreement:
    code: str
    passages: int
    both: int  # passages both codings gave the code to
    first_only: int
    second_only: int
    kappa: float | None

    @property
    def neither(self) -> int:
        return self.passages - self.both - self.first_only - self.second_only

    @property
    def observed(self) -> float | None:
        """The share of passages on which the two codings agree."""
        return (self.both + self.neither) / self.passages if self.passages else None


def agreement(code: str, first: Mapping[object, set[str]],
              second: Mapping[object, set[str]]) -> Agreement:
    shared = sorted(set(first) & set(second), key=str)
    a = [code in first[key] for key in shared]
    b = [code in second[key] for key in shared]
    both = sum(x and y for x, y in zip(a, b, strict=True))
    first_only = sum(x and not y for x, y in zip(a, b, strict=True))
    second_only = sum(y and not x for x, y in zip(a, b, strict=True))
    constant = len(set(a) | set(b)) < 2
    if not shared or constant:
        kappa = None
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            kappa = float(cohen_kappa_score(a, b))
    return Agreement(code, len(shared), both, first_only, second_only, kappa)


def agreements(codes: Iterable[str], first: Mapping[object, set[str]],
               second: Mapping[object, set[str]]) -> list[Agreement]:
    return [agreement(code, first, second) for code in codes]
