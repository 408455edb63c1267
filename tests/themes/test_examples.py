"""The coded examples: enough of them, valid codes, and an evaluation set kept apart."""

from __future__ import annotations

import re

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from antislavery.themes.engine import codebook, examples
from antislavery.themes.engine.codebook import CodebookError

SHARED_WORDS = 8
MAX_SIMILARITY = 0.5


@pytest.fixture(scope="module")
def book():
    return codebook.packaged()


@pytest.fixture(scope="module")
def training(book):
    return examples.training(book)


@pytest.fixture(scope="module")
def evaluation(book):
    return examples.evaluation(book)


def shingles(text: str, size: int = SHARED_WORDS) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_there_are_enough_examples_of_every_theme(book, training, evaluation):
    assert len(training) >= 600
    assert len(evaluation) >= 150
    for code in book.themes:
        assert sum(code in e.labels for e in training) >= 30, code
        assert sum(code in e.labels for e in evaluation) >= 10, code
    assert any(not e.themes for e in training)
    assert any(e.area for e in training)


def test_every_example_has_a_unique_id_and_a_source(training, evaluation):
    ids = [e.id for e in training + evaluation]

    assert len(ids) == len(set(ids))
    assert all(e.source for e in training + evaluation)


def test_no_evaluation_passage_shares_a_run_of_words_with_training(training, evaluation):
    seen = set().union(*(shingles(e.text) for e in training))

    shared = [e.id for e in evaluation if shingles(e.text) & seen]

    assert shared == []


def test_no_evaluation_passage_is_a_near_duplicate_of_a_training_one(training, evaluation):
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    vectoriser.fit([e.text for e in training + evaluation])

    similarity = cosine_similarity(vectoriser.transform([e.text for e in evaluation]),
                                   vectoriser.transform([e.text for e in training]))

    assert similarity.max() < MAX_SIMILARITY


def test_a_file_with_an_unknown_code_is_refused_naming_the_line(book, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "Fine.", "themes": ["covid"]}\n'
                    '{"id": "b", "text": "Not fine.", "themes": ["weather"]}\n')

    with pytest.raises(CodebookError, match=r"bad\.jsonl, line 2: .*unknown codes: weather"):
        examples.read(path, book)


def test_the_toolkit_s_models_never_learn_from_the_evaluation_set(evaluation):
    from pathlib import Path

    from antislavery.themes.engine.cache import packaged_suggester

    held_out = {e.text for e in evaluation}
    learned = packaged_suggester().model.examples

    assert learned
    assert not [e.id for e in learned if e.text in held_out or e.id.startswith("eval")]
    # and nothing in the package reads the evaluation file but the function bench/themes.py
    # calls
    package = Path(examples.__file__).resolve().parents[2]
    readers = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if any(name in path.read_text(encoding="utf-8") for name in
                      (".evaluation(", "EVALUATION_PATH", "evaluation.jsonl"))]
    assert readers == ["themes/engine/examples.py"]
