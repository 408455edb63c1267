"""Classify a stream of JSON lines ``{"id", "text"}`` into one result line per input.

All input is read and checked before anything is written, so a bad line stops the run
with an error naming its line number and leaves the output empty.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TextIO

from antislavery.areas.gazetteer import Gazetteer

from .messages import gettext_noop
from .suggest import Suggester

BATCH = 256


# What can be wrong with a line, marked for translation (the command translates them).
NOT_JSON = gettext_noop("not valid JSON (%(detail)s).")
NOT_AN_OBJECT = gettext_noop('expected an object like {"id": ..., "text": ...}.')
NO_ID = gettext_noop('the object has no "id".')
NO_TEXT = gettext_noop('the object has no "text" string.')
LINE = gettext_noop("Line %(line)s: %(problem)s")


def _as_is(text: str) -> str:
    return text


class InputError(ValueError):
    """A line of the input is not usable; ``line`` is its 1-based number."""

    def __init__(self, line: int, problem: str, detail: str = "") -> None:
        self.line = line
        self.problem = problem
        self.detail = detail
        super().__init__(self.describe())

    def describe(self, translate: Callable[[str], str] = _as_is) -> str:
        problem = translate(self.problem) % {"detail": self.detail}
        return translate(LINE) % {"line": self.line, "problem": problem}


def read_passages(lines: Iterable[str]) -> list[tuple[object, str]]:
    """``(id, text)`` for every non-blank line; raises :class:`InputError` on the first fault."""
    passages = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(number, NOT_JSON, exc.msg) from exc
        if not isinstance(record, dict):
            raise InputError(number, NOT_AN_OBJECT)
        if "id" not in record:
            raise InputError(number, NO_ID)
        if not isinstance(record.get("text"), str):
            raise InputError(number, NO_TEXT)
        passages.append((record["id"], record["text"]))
    return passages


def classify_passages(passages: list[tuple[object, str]], out: TextIO, suggester: Suggester,
                      *, gazetteer: Gazetteer | None = None) -> int:
    """Write one result line per ``(id, text)``, in order; returns how many."""
    for start in range(0, len(passages), BATCH):
        batch = passages[start:start + BATCH]
        results = suggester.classify([text for _, text in batch], gazetteer=gazetteer,
                                     with_similar=False)
        for (identifier, _text), result in zip(batch, results, strict=True):
            out.write(json.dumps(result.as_record(identifier), ensure_ascii=False) + "\n")
    return len(passages)


def classify_stream(source: TextIO, out: TextIO, suggester: Suggester, *,
                    gazetteer: Gazetteer | None = None) -> int:
    """Classify every passage of ``source`` into ``out``; nothing is written if a line is bad."""
    return classify_passages(read_passages(source), out, suggester, gazetteer=gazetteer)
