"""Look-ups of units, channels and categories, and what a valid combination still lacks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.vocabulary import Vocabulary

SCHEME = load_scheme()
UNITS = sorted(SCHEME.units["unit"])
CATEGORIES = sorted(set(SCHEME.weights["category"]))
CHANNELS = sorted(set(SCHEME.weights["channel"]))


def test_units_of_splits_joint_cells_and_reports_repeats():
    vocab = Vocabulary(SCHEME)
    assert vocab.units_of("县财政局、城关镇") == (("财政局", "城关镇"), (), ())
    assert vocab.units_of("财政局，财政局") == (("财政局",), (), ("财政局",))
    units, issues, _ = vocab.units_of("财政局、火星局")
    assert units == ("财政局",)
    assert [i[2] for i in issues] == ["UNKNOWN_UNIT"]


def test_an_unknown_unit_is_quoted_without_its_invisible_marks():
    """U+200B inside the quotes made the unit and its nearest name look identical."""
    _, issues, _ = Vocabulary(SCHEME).units_of("\u200b财政厅\ufeff")
    [(column, value, code, message)] = issues
    assert (column, value, code) == ("unit", "财政厅", "UNKNOWN_UNIT")
    assert message.startswith("单位“财政厅”不在单位名单中，")


def test_the_same_part_is_looked_up_once():
    vocab = Vocabulary(SCHEME)
    assert vocab.unit("县财政局") == vocab.unit("县财政局") == "财政局"
    assert list(vocab._memo["_unit"]) == ["县财政局"]


@settings(max_examples=200, deadline=None)
@given(
    units=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True),
    category=st.sampled_from(CATEGORIES),
    channels=st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=3, unique=True),
)
def test_columns_of_reports_each_missing_weight_or_column(units, category, channels):
    """Every (category, channel) without a weight once; else every unit whose table lacks it."""
    vocab = Vocabulary(SCHEME)
    issues = vocab.columns_of(tuple(units), category, tuple(channels))
    weighted = set(zip(SCHEME.weights["category"], SCHEME.weights["channel"], strict=True))
    expected = 0
    for channel in channels:
        if (category, channel) not in weighted:
            expected += 1
            continue
        expected += sum(
            (category, channel) not in vocab.pairs_in_table[vocab.table_of[u]] for u in units
        )
    assert len(issues) == expected
    assert {i[2] for i in issues} <= {"NO_WEIGHT", "NO_COLUMN"}


@settings(max_examples=100, deadline=None)
@given(
    unit_sets=st.lists(
        st.lists(st.sampled_from(UNITS), max_size=3, unique=True).map(tuple), max_size=6
    ),
    kinds=st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(CATEGORIES)),
            st.lists(st.sampled_from(CHANNELS), max_size=3, unique=True).map(tuple),
        ),
        max_size=6,
    ),
)
def test_fitting_says_exactly_where_columns_of_finds_nothing(unit_sets, kinds):
    """fitting() spares analyse() a columns_of() call per (unit cell, kind): it may do so only
    where columns_of() would find nothing, and must say so wherever it would."""
    vocab = Vocabulary(SCHEME)
    categories, channels = [k[0] for k in kinds], [k[1] for k in kinds]
    tables, fits = vocab.fitting(unit_sets, categories, channels)
    assert fits.shape == (len(set(tables.tolist())), len(kinds))
    for u, units in enumerate(unit_sets):
        for k, (category, chans) in enumerate(kinds):
            clean = category is not None and vocab.columns_of(units, category, chans) == ()
            assert fits[tables[u], k] == clean
