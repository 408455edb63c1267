"""How well and how fast the theme suggestions work.

    .venv/bin/python bench/themes.py            # evaluation set: per-theme P/R/F1, speed
    .venv/bin/python bench/themes.py --tune     # choose settings by cross-validation on
                                                # the training set only

The default run trains on the training examples with the settings in the code, scores the
held-out evaluation set once, and times ``themes classify`` (read JSON lines, classify, write
JSON lines) pinned to one CPU core. ``--tune`` never reads the evaluation set.
Targets: macro-F1 over themes >= 0.75, >= 200 passages per second.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402 -- thread limits must be set before numpy loads
import io  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np  # noqa: E402
from sklearn.metrics import f1_score, precision_recall_fscore_support  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402

from antislavery.themes.engine import codebook as codebook_module  # noqa: E402
from antislavery.themes.engine import examples as examples_module  # noqa: E402
from antislavery.themes.engine import rules as rules_module  # noqa: E402
from antislavery.themes.engine.examples import label_space  # noqa: E402
from antislavery.themes.engine.jsonlines import classify_stream  # noqa: E402
from antislavery.themes.engine.model import LabelModel, ModelSettings  # noqa: E402
from antislavery.themes.engine.suggest import DEFAULT_SETTINGS, Settings, train  # noqa: E402

TARGET_F1 = 0.75
TARGET_SPEED = 200


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def truth(examples, labels):
    return np.array([[label in example.labels for label in labels] for example in examples])


def evaluate(settings: Settings) -> None:
    codebook = codebook_module.packaged()
    rules = rules_module.packaged(codebook)
    training = examples_module.training(codebook)
    held_out = examples_module.evaluation(codebook)
    started = time.perf_counter()
    suggester = train(training, codebook=codebook, rules=rules, settings=settings)
    fit_seconds = time.perf_counter() - started

    results = suggester.classify([example.text for example in held_out], with_similar=False)
    themes = list(codebook.themes)
    expected = truth(held_out, themes)
    predicted = np.array([[code in result.themes for code in themes] for result in results])
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, zero_division=0)

    print(f"Machine: {os.cpu_count()} cores; timing below pinned to one of them")
    print(f"Training passages {len(training)}, evaluation passages {len(held_out)}, "
          f"model {suggester.version}, fitted in {fit_seconds:.1f}s")
    print(f"\n{'theme':22} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for index, code in enumerate(themes):
        print(f"{code:22} {precision[index]:9.3f} {recall[index]:7.3f} {f1[index]:6.3f} "
              f"{support[index]:8d}")
    macro = float(np.mean(f1))
    print(f"\nmacro-F1 over themes: {macro:.3f} (target {TARGET_F1})")
    print(f"micro-F1 over themes: {f1_score(expected, predicted, average='micro'):.3f}")

    facets = [label for label, _ in codebook.facet_labels()]
    facet_true = truth(held_out, facets)
    facet_pred = np.array([[label.split(":")[1] in result.facet_values(label.split(":")[0])
                            for label in facets] for result in results])
    present = facet_true.sum(axis=0) > 0
    print(f"macro-F1 over facet values present in the set ({present.sum()}): "
          f"{f1_score(facet_true[:, present], facet_pred[:, present], average='macro'):.3f}")
    area_right = sum(result.area == example.area for result, example in zip(results, held_out,
                                                                              strict=True))
    print(f"area named: {area_right} of {len(held_out)} right")

    pin_to_one_core()
    lines = "".join(json.dumps({"id": e.id, "text": e.text}) + "\n" for e in held_out) * 12
    count = len(held_out) * 12
    started = time.perf_counter()
    classify_stream(io.StringIO(lines), io.StringIO(), suggester)
    seconds = time.perf_counter() - started
    print(f"\nthemes classify: {count} passages in {seconds:.2f}s on one core = "
          f"{count / seconds:.0f} passages/s (target {TARGET_SPEED}); "
          f"training first takes {fit_seconds:.1f}s")


def best_threshold(expected: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The macro-F1 and threshold (0.30 to 0.75 in steps of 0.05) that score best."""
    return max(
        (f1_score(expected, scores >= t, average="macro", zero_division=0), round(float(t), 2))
        for t in np.arange(0.30, 0.76, 0.05)
    )


def tune() -> None:
    """Cross-validate on the training examples only and print the best settings."""
    codebook = codebook_module.packaged()
    rules = rules_module.packaged(codebook)
    examples = examples_module.training(codebook)
    labels = label_space(codebook, examples)
    expected = truth(examples, labels)
    rule_w = np.zeros(expected.shape)
    column = {label: index for index, label in enumerate(labels)}
    for row, example in enumerate(examples):
        for label, (weight, _hits) in rules.scores(example.text).items():
            rule_w[row, column[label]] = weight
    theme_cols = [column[code] for code in codebook.themes]
    facet_cols = [index for index, label in enumerate(labels) if ":" in label]
    folds = list(KFold(5, shuffle=True, random_state=0).split(examples))
    best: tuple[float, Settings] | None = None
    for model_settings in [ModelSettings(c=c, char_ngrams=chars)
                           for c in (2.0, 4.0, 8.0) for chars in ((2, 5), (3, 5))]:
        model_p = np.zeros(expected.shape)
        for train_rows, test_rows in folds:
            model = LabelModel(labels, model_settings).fit([examples[i] for i in train_rows])
            model_p[test_rows] = model.probabilities(
                model.transform([examples[i].text for i in test_rows]))
        for strength in (0.0, 0.3, 0.5, 0.7, 1.0):
            combined = 1 - (1 - model_p) * (1 - strength * rule_w)
            theme_f1, theme_t = best_threshold(expected[:, theme_cols],
                                               combined[:, theme_cols])
            facet_f1, facet_t = best_threshold(expected[:, facet_cols],
                                               combined[:, facet_cols])
            settings = Settings(model_settings, strength, round(float(theme_t), 2),
                                round(float(facet_t), 2))
            print(f"C={model_settings.c} chars={model_settings.char_ngrams} "
                  f"rules x{strength}: themes {theme_f1:.3f} at {theme_t:.2f}, "
                  f"facets {facet_f1:.3f} at {facet_t:.2f}")
            if best is None or theme_f1 > best[0] + 0.002:
                best = (theme_f1, settings)
    if best is None:
        raise SystemExit("nothing to tune")
    print(f"\nbest by cross-validated macro-F1 over themes ({best[0]:.3f}):\n{best[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true",
                        help="choose settings by cross-validation on the training set only")
    parser.add_argument("--rules-only", action="store_true",
                        help="evaluate the phrase rules without the learned model")
    args = parser.parse_args()
    if args.tune:
        tune()
    elif args.rules_only:
        evaluate(replace(DEFAULT_SETTINGS, rule_strength=1.0,
                         model=replace(DEFAULT_SETTINGS.model, min_positives=10**9)))
    else:
        evaluate(DEFAULT_SETTINGS)


if __name__ == "__main__":
    main()
