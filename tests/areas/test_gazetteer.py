"""The gazetteer resolves every name it was given, tolerant variants, and nothing else."""

import csv
from importlib import resources

import pytest

from antislavery.areas.gazetteer import Gazetteer, normalise


def reference_rows():
    path = resources.files("antislavery.areas") / "data" / "police_force_areas.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.from_entries(
        (row["slug"], row["name"], [row["code"], row["force_name"], *row["aliases"].split(";")])
        for row in reference_rows()
    )


def every_name_in_the_reference_file():
    for row in reference_rows():
        names = [row["slug"], row["name"], row["force_name"], row["code"],
                 *row["aliases"].split(";")]
        for name in names:
            if name.strip():
                yield row["slug"], name


@pytest.mark.parametrize(("slug", "text"), list(every_name_in_the_reference_file()))
def test_every_name_and_alias_in_the_reference_file_resolves_to_its_area(gazetteer, slug, text):
    assert gazetteer.resolve(text).slug == slug


HAND_MADE_VARIANTS = [
    ("Avon & Somerset Constabulary", "avon-and-somerset"),
    ("AVON AND SOMERSET", "avon-and-somerset"),
    ("avon and somerset police", "avon-and-somerset"),
    ("MOPAC", "metropolitan"),
    ("the Met", "metropolitan"),
    ("The Metropolitan Police Service", "metropolitan"),
    ("Devon and Cornwall Police", "devon-and-cornwall"),
    ("Devon & Cornwall", "devon-and-cornwall"),
    ("devon-and-cornwall", "devon-and-cornwall"),
    ("Dyfed–Powys Police", "dyfed-powys"),
    ("Dyfed Powys Constabulary", "dyfed-powys"),
    ("  north   wales  police ", "north-wales"),
    ("North Wales Police Force", "north-wales"),
    ("Greater Manchester Police", "greater-manchester"),
    ("greater manchester.", "greater-manchester"),
    ("West Yorkshire Police", "west-yorkshire"),
    ("Thames Valley Police Service", "thames-valley"),
    ("Office of the Police and Crime Commissioner for Surrey", "surrey"),
    ("Police and Crime Commissioner for Cheshire", "cheshire"),
    ("Essex PFCC", "essex"),
    ("Kent Police Force Area", "kent"),
    ("Cumbria Constabulary", "cumbria"),
    ("city of london police", "city-of-london"),
    ("E23000036", "avon-and-somerset"),
    ("e23000013", "cleveland"),
    ("Humberside Police", "humberside"),
    ("Northumbria Police.", "northumbria"),
    ("West Mercia Police", "west-mercia"),
    ("The Gwent Police", "gwent"),
    ("Hampshire Constabulary", "hampshire"),
    ("Lincolnshire  Police", "lincolnshire"),
    ("Staffordshire Police", "staffordshire"),
]


@pytest.mark.parametrize(("text", "slug"), HAND_MADE_VARIANTS)
def test_hand_made_variants_resolve_to_their_area(gazetteer, text, slug):
    assert gazetteer.resolve(text).slug == slug


NOT_AREAS = ["Leeds City Council", "Wales", "England", "Home Office", "Police",
             "Constabulary", "", "   ", "North", "Yorkshire", "The Police", "Midlands",
             "South West", "Hampshire County Council", "Salvation Army"]


@pytest.mark.parametrize("text", NOT_AREAS)
def test_names_of_places_that_are_not_areas_resolve_to_nothing(gazetteer, text):
    assert gazetteer.resolve(text).slug is None


def test_an_unplaced_name_comes_back_with_the_closest_candidates(gazetteer):
    resolution = gazetteer.resolve("Avon and Somerst")
    assert resolution.slug is None
    assert resolution.candidates[0] == "Avon and Somerset"


def test_candidates_put_the_areas_named_with_the_text_first(gazetteer):
    resolution = gazetteer.resolve("Wales")
    assert resolution.slug is None
    assert resolution.candidates[:2] == ("North Wales", "South Wales")
    assert gazetteer.resolve("Yorkshire").candidates == (
        "North Yorkshire", "South Yorkshire", "West Yorkshire")


def test_a_place_inside_an_area_offers_that_area_without_resolving_to_it(gazetteer):
    resolution = gazetteer.resolve("Leeds City Council")
    assert resolution.slug is None
    assert resolution.candidates == ("West Yorkshire",)


def test_a_name_like_no_area_comes_back_with_no_candidates(gazetteer):
    assert gazetteer.resolve("Salvation Army").candidates == ()
    assert gazetteer.resolve("").candidates == ()


def test_a_name_shared_by_two_areas_resolves_to_neither():
    gazetteer = Gazetteer.from_entries([("a", "Alpha", ["Shared Town"]),
                                        ("b", "Beta", ["Shared Town"])])
    assert gazetteer.resolve("Shared Town").slug is None
    assert gazetteer.resolve("Alpha").slug == "a"


def test_normalise_folds_case_accents_ampersands_and_punctuation():
    assert normalise("  Avon & Somerset’s Police—Area ") == "avon and somersets police area"
    assert normalise("Ynys Môn") == "ynys mon"


def test_mentions_finds_areas_named_in_running_text(gazetteer):
    text = ("In **Gloucestershire's** Operation Aidant the PCC met with Devon and Cornwall "
            "Police, the MPS and North Wales.")
    found = [(m.slug, m.text) for m in gazetteer.mentions(text)]
    assert found == [("gloucestershire", "Gloucestershire's"),
                     ("devon-and-cornwall", "Devon and Cornwall Police"),
                     ("metropolitan", "MPS"), ("north-wales", "North Wales")]


def test_mentions_ignores_ordinary_words_that_are_also_aliases(gazetteer):
    assert gazetteer.mentions("The board met monthly and the force met its targets.") == []


def test_mentions_prefers_the_longest_name(gazetteer):
    found = gazetteer.mentions("Officers from the City of London Police attended.")
    assert [m.slug for m in found] == ["city-of-london"]


@pytest.mark.django_db
def test_the_gazetteer_built_from_the_database_places_the_same_texts(areas):
    from antislavery.areas.selectors import resolve

    for text, slug in HAND_MADE_VARIANTS:
        assert resolve(text).slug == slug, text
    for text in NOT_AREAS:
        assert resolve(text).slug is None, text
