"""Fitted models kept in memory, keyed by the version stamp of what they learned from.

Asking for a model whose inputs have not changed returns the one already fitted; new
examples or decisions give a new stamp, and the model for it is fitted once (other callers
asking meanwhile wait for it rather than fitting it again). Only the newest few are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from . import codebook as codebook_module
from . import examples as examples_module
from . import rules as rules_module
from .codebook import Codebook
from .examples import Example
from .rules import RuleSet
from .suggest import DEFAULT_SETTINGS, Settings, Suggester, train, version_stamp

KEEP = 2
_fitting = threading.Lock()
_models: OrderedDict[str, Suggester] = OrderedDict()


def get(examples: Sequence[Example], *, codebook: Codebook, rules: RuleSet,
        settings: Settings = DEFAULT_SETTINGS) -> Suggester:
    stamp = version_stamp(codebook, rules, examples, settings)
    with _fitting:
        found = _models.get(stamp)
        if found is None:
            found = train(examples, codebook=codebook, rules=rules, settings=settings)
            _models[stamp] = found
            while len(_models) > KEEP:
                _models.popitem(last=False)
        else:
            _models.move_to_end(stamp)
        return found


def cached(stamp: str) -> Suggester | None:
    with _fitting:
        return _models.get(stamp)


def put(suggester: Suggester) -> None:
    """Keep a model fitted elsewhere (another process, read back from disk)."""
    with _fitting:
        _models[suggester.version] = suggester
        _models.move_to_end(suggester.version)
        while len(_models) > KEEP:
            _models.popitem(last=False)


def latest() -> Suggester | None:
    """The model fitted or kept most recently, whatever it learned from."""
    with _fitting:
        return next(reversed(_models.values()), None)


def clear() -> None:
    with _fitting:
        _models.clear()


def packaged_suggester() -> Suggester:
    """The model trained on the toolkit's own coded examples only."""
    codebook = codebook_module.packaged()
    return get(examples_module.training(codebook), codebook=codebook,
               rules=rules_module.packaged(codebook))
