"""Coded passages: the project's own examples, and passages people have coded.

Reading refuses a file with a line that is not a JSON object with an id, a text and known
codes, naming the file and line, so a bad edit cannot silently train a worse model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .codebook import DATA_DIR, FACETS, Codebook, CodebookError
from .rules import facet_label

EXAMPLES_DIR = DATA_DIR / "examples"
TRAINING_PATH = EXAMPLES_DIR / "train.jsonl"
EVALUATION_PATH = EXAMPLES_DIR / "evaluation.jsonl"


@dataclass(frozen=True)
class Example:
    """One coded passage: its labels are theme codes and "facet:value" strings."""

    id: str
    text: str
    labels: frozenset[str]
    area: str | None = None
    source: str = ""

    @property
    def themes(self) -> list[str]:
        return sorted(label for label in self.labels if ":" not in label)

    def facet_values(self, facet: str) -> list[str]:
        prefix = f"{facet}:"
        return sorted(label[len(prefix):] for label in self.labels if label.startswith(prefix))


def from_record(record: dict, codebook: Codebook) -> Example:
    """An example from one decoded JSON line; raises ``CodebookError`` naming what is wrong."""
    if not isinstance(record, dict) or not record.get("id") or not record.get("text"):
        raise CodebookError("Each example needs an id and a text.")
    unknown = [code for code in record.get("themes", []) if code not in codebook.themes]
    labels = set(record.get("themes", []))
    for facet, values in (record.get("facets") or {}).items():
        if facet not in FACETS:
            unknown.append(facet)
            continue
        allowed = codebook.facets[facet].values
        unknown.extend(value for value in values if value not in allowed)
        labels.update(facet_label(facet, value) for value in values)
    if unknown:
        raise CodebookError(f"Example {record['id']} uses unknown codes: {', '.join(unknown)}.")
    return Example(str(record["id"]), str(record["text"]), frozenset(labels),
                   record.get("area"), str(record.get("source", "")))


def read(path: Path, codebook: Codebook) -> list[Example]:
    examples = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                examples.append(from_record(json.loads(line), codebook))
            except (json.JSONDecodeError, CodebookError) as exc:
                raise CodebookError(f"{path.name}, line {number}: {exc}") from exc
    return examples


def training(codebook: Codebook) -> list[Example]:
    return read(TRAINING_PATH, codebook)


def evaluation(codebook: Codebook) -> list[Example]:
    return read(EVALUATION_PATH, codebook)


def as_record(example: Example) -> dict:
    return {
        "id": example.id,
        "text": example.text,
        "themes": example.themes,
        "facets": {facet: example.facet_values(facet) for facet in FACETS},
        "area": example.area,
        "source": example.source,
    }


def label_space(codebook: Codebook, examples: Iterable[Example] = ()) -> list[str]:
    """Every label the model can suggest: codebook themes, facet values, then extra codes."""
    labels = [*codebook.themes, *(label for label, _ in codebook.facet_labels())]
    extra = sorted({label for example in examples for label in example.labels} - set(labels))
    return labels + extra
