"""The learned half of the suggestions: TF-IDF features and one logistic regression a label.

CPU only, offline, deterministic (fixed ``random_state``, a solver without randomness in its
result). Besides probabilities it answers "which coded passages does this one resemble?",
which the suggestions show as their reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from .examples import Example

RANDOM_STATE = 20211108
WORD_PATTERN = r"(?u)\b\w[\w'&-]*\b"


@dataclass(frozen=True)
class ModelSettings:
    """Chosen by cross-validation on the training examples (see bench/themes.py --tune)."""

    c: float = 4.0
    char_ngrams: tuple[int, int] = (3, 5)
    word_ngrams: tuple[int, int] = (1, 2)
    min_positives: int = 2


def _features(settings: ModelSettings) -> FeatureUnion:
    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=settings.word_ngrams, sublinear_tf=True,
                                  strip_accents="unicode", min_df=1,
                                  token_pattern=WORD_PATTERN)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=settings.char_ngrams,
                                  sublinear_tf=True, strip_accents="unicode", min_df=2)),
    ])


class LabelModel:
    """One binary classifier per label, sharing one feature space."""

    def __init__(self, labels: Sequence[str], settings: ModelSettings | None = None) -> None:
        self.labels = list(labels)
        self.settings = settings or ModelSettings()
        self.features = _features(self.settings)
        self.classifiers: dict[str, LogisticRegression] = {}
        self.examples: list[Example] = []
        self._train_matrix: sparse.csr_matrix | None = None
        self._label_rows: dict[str, np.ndarray] = {}

    def fit(self, examples: Sequence[Example]) -> LabelModel:
        self.examples = list(examples)
        texts = [example.text for example in self.examples]
        matrix = self.features.fit_transform(texts).tocsr()
        self._train_matrix = _normalise(matrix)
        for label in self.labels:
            target = np.array([label in example.labels for example in self.examples])
            self._label_rows[label] = np.flatnonzero(target)
            if target.sum() < self.settings.min_positives or target.all():
                continue
            classifier = LogisticRegression(C=self.settings.c, class_weight="balanced",
                                            solver="liblinear", dual=True,
                                            random_state=RANDOM_STATE)
            self.classifiers[label] = classifier.fit(matrix, target)
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self.features.transform(list(texts)).tocsr()

    def probabilities(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """An (passages x labels) array; a label with too few examples scores 0."""
        result = np.zeros((matrix.shape[0], len(self.labels)))
        for column, label in enumerate(self.labels):
            classifier = self.classifiers.get(label)
            if classifier is not None:
                result[:, column] = classifier.predict_proba(matrix)[:, 1]
        return result

    def similarities(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """Cosine similarity of each passage to each training example."""
        if self._train_matrix is None:
            raise RuntimeError("The model has not been fitted.")
        return (_normalise(matrix) @ self._train_matrix.T).toarray()

    def most_similar(self, row: np.ndarray, label: str, limit: int = 2) -> list[Example]:
        """The training examples coded ``label`` that a passage most resembles."""
        rows = self._label_rows.get(label, np.array([], dtype=int))
        if not len(rows):
            return []
        best = rows[np.argsort(-row[rows], kind="stable")[:limit]]
        return [self.examples[index] for index in best if row[index] > 0]


def _normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix
