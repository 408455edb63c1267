"""Suggested coding: deterministic, explained, and learning from new coded passages."""

from __future__ import annotations

import pytest

from antislavery.themes.engine import cache, codebook, examples, rules
from antislavery.themes.engine.examples import Example
from antislavery.themes.engine.suggest import train

PASSAGE = ("Surrey's Commissioner funds a victim navigator who supports adults before they "
           "decide on an NRM referral, and interpreters are booked for every meeting.")


@pytest.fixture(scope="module")
def book():
    return codebook.packaged()


@pytest.fixture(scope="module")
def suggester():
    return cache.packaged_suggester()


def test_suggests_themes_facets_and_area_with_confidence(suggester):
    result = suggester.classify([PASSAGE])[0]

    assert {"victim_support", "language_barriers"} <= set(result.themes)
    assert "specialist_post" in result.facet_values("intervention")
    assert "adult" in result.facet_values("victim_group")
    assert result.area == "surrey"
    assert all(0 < s.confidence <= 1 for s in result.suggestions)


def test_every_suggestion_has_a_reason_a_person_can_read(suggester):
    result = suggester.classify([PASSAGE])[0]
    language = next(s for s in result.suggestions if s.label == "language_barriers")

    assert "interpreters" in language.phrases
    assert "\u201cinterpreters\u201d" in language.reason
    assert language.similar
    assert all("language_barriers" in _example(suggester, p.id).labels for p in language.similar)
    assert language.similar[0].id in language.reason


def test_a_passage_about_nothing_in_the_codebook_gets_no_themes(suggester):
    assert suggester.classify(["Yours sincerely, the Chief Executive."])[0].themes == []


def test_training_twice_gives_the_same_suggestions(book):
    training = examples.training(book)
    ruleset = rules.packaged(book)

    first = train(training, codebook=book, rules=ruleset)
    second = train(training, codebook=book, rules=ruleset)

    assert first.version == second.version
    texts = [e.text for e in examples.evaluation(book)[:40]]
    assert [r.suggestions for r in first.classify(texts)] == \
        [r.suggestions for r in second.classify(texts)]


def test_people_s_coding_teaches_a_new_code(book):
    extended = book.with_theme(codebook.Theme(
        "online", "Online exploitation", "response", "Recruitment through the internet."))
    taught = [Example(f"d{i}", text, frozenset({"online"})) for i, text in enumerate([
        "Adverts on social media apps were used to recruit young women into sex work.",
        "Traffickers recruit online through fake job adverts on social media sites.",
        "Online adverts for massage work were the first contact for most victims.",
        "Apps and social media are now the main way exploiters reach people online.",
    ])]
    before = train(examples.training(book), codebook=extended, rules=rules.packaged(book))

    after = train([*examples.training(book), *taught], codebook=extended,
                  rules=rules.packaged(book))

    text = ["Recruiters used social media adverts online to find workers."]
    assert "online" not in before.classify(text)[0].themes
    assert "online" in after.classify(text)[0].themes
    assert after.version != before.version


def test_the_cache_fits_once_per_version(book):
    training = examples.training(book)[:120]
    ruleset = rules.packaged(book)

    first = cache.get(training, codebook=book, rules=ruleset)
    again = cache.get(list(training), codebook=book, rules=ruleset)
    changed = cache.get(training[:-1], codebook=book, rules=ruleset)

    assert again is first
    assert changed is not first
    assert cache.cached(first.version) is first


def _example(suggester, identifier):
    return next(e for e in suggester.model.examples if e.id == identifier)


def test_the_engine_runs_without_django_settings_as_the_benchmark_does(tmp_path):
    import json
    import os
    import subprocess
    import sys

    script = ("from antislavery.themes.engine.cache import packaged_suggester\n"
              "import json\n"
              "result = packaged_suggester().classify([" + json.dumps(PASSAGE) + "])[0]\n"
              "print(json.dumps([s.reason for s in result.suggestions]))\n")
    environment = {key: value for key, value in os.environ.items()
                   if key != "DJANGO_SETTINGS_MODULE"}

    # a fixed script run by this interpreter
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,  # noqa: S603
                         env=environment, cwd=tmp_path, check=False)

    assert ran.returncode == 0, ran.stderr
    assert any(reason.startswith("Mentions") for reason in json.loads(ran.stdout))
