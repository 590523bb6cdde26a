"""Look-ups of units, channels and categories; the table masks agree with columns_of()."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.scheme import load_scheme
from shiquan_score.vocabulary import Vocabulary

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
    assert [i[2] for i in issues] == ["单位不在名单中"]


def test_the_same_part_is_looked_up_once():
    vocab = Vocabulary(SCHEME)
    assert vocab.unit("县财政局") == vocab.unit("县财政局") == "财政局"
    assert list(vocab._memo["_unit"]) == ["县财政局"]


@settings(max_examples=300, deadline=None)
@given(
    units=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True),
    category=st.sampled_from(CATEGORIES),
    channels=st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=3, unique=True),
)
def test_table_masks_say_exactly_when_columns_of_reports(units, category, channels):
    """The ledger decides by masks which rows need columns_of(): they must never disagree."""
    vocab = Vocabulary(SCHEME)
    units, channels = tuple(units), tuple(channels)
    lacking = vocab.tables_mask(units) & ~vocab.columns_mask(category, channels) != 0
    assert lacking == bool(vocab.columns_of(units, category, channels))
