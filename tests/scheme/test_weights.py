"""[scoring] checked: deductions negative and only in a deduction category, the joint policy,
the floor, class weights that every unit can find."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.weights import Policy
from tests.schemes import mini_scheme, rules_variant


def test_policies_default_to_todays_rule(tmp_path):
    scheme = load_scheme(*mini_scheme(tmp_path))
    assert scheme.policy == Policy("split", 0.0, None)
    assert not scheme.class_weights
    points = scheme.weights.set_index(["category", "channel"])["points"]
    assert points[("扣分", "约稿未报送")] == -10


def test_fixed_policy_and_floor_are_read(tmp_path):
    scheme = load_scheme(
        *mini_scheme(tmp_path, scoring='joint = "fixed"\njoint_points = 3\nfloor = "total"')
    )
    assert scheme.policy == Policy("fixed", 3.0, "total")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"scoring": 'joint = "half"'},
            "rules.toml [scoring] 的“joint”应为 split（平分）、full（每个单位计全分）、"
            "fixed（每个单位计固定分） 之一，现为 'half'",
        ),
        (
            {"scoring": 'joint = "fixed"'},
            'rules.toml [scoring] 写了 joint = "fixed"，还要写 joint_points（每个单位计几分，'
            "大于0的数字），现为 None",
        ),
        (
            {"scoring": "joint_points = 3"},
            'rules.toml [scoring] 的“joint_points”只在 joint = "fixed" 时有用，请删去或改 joint',
        ),
        (
            {"scoring": 'floor = "zero"'},
            "rules.toml [scoring] 的“floor”应为 current（本期不低于0）、total（累计不低于0） 之一，"
            "现为 'zero'",
        ),
        (
            {"weights": '  { category = "新闻", channel = "批示", points = -5, class = "x" },\n'},
            "rules.toml weights 第5项 的分值应为不小于0的数字，现为 -5（扣分请写在 deduction = true 的类别里）",
        ),
        (
            {"weights": '  { category = "扣分", channel = "批示", points = 10 },\n'},
            "rules.toml weights 第5项 的类别“扣分”是扣分（deduction = true），分值应为负数，如 -10，现为 10",
        ),
        (
            {
                "weights": '  { category = "新闻", channel = "县网站", points = 3, class = "特类" },\n'
            },
            "rules.toml weights 中的单位类别“特类”不是 roster.toml 里任何单位的 class（一类单位）",
        ),
        (
            {
                "weights": '  { category = "新闻", channel = "批示", points = 3, class = "一类单位" },\n'
                * 2,
                "classes": {"甲局": "一类单位"},
            },
            "rules.toml weights 中“新闻·批示”（一类单位）出现了两次",
        ),
        (
            {"table": 'classes = ["一类单位", "二类单位"]', "classes": {"甲局": "一类单位"}},
            "roster.toml 单位“乙局”没有写 class：表“单位”分类排名，每个计分单位的 class 应为 一类单位、二类单位 之一",
        ),
        (
            {"table": 'classes = ["一类单位", "一类单位"]'},
            "rules.toml [[table]] 第1项 的“classes”每个单位类别写一次，不能为空，现为 ['一类单位', '一类单位']",
        ),
    ],
)
def test_scoring_mistakes_are_named(tmp_path, kwargs, message):
    if "特类" in kwargs.get("weights", ""):
        kwargs["classes"] = {"甲局": "一类单位"}
    with pytest.raises(SchemeError) as exc:
        load_scheme(*mini_scheme(tmp_path, **kwargs))
    assert str(exc.value) == message


def test_class_weights_must_reach_every_unit(tmp_path):
    rules, roster = mini_scheme(tmp_path, classes={"甲局": "一类单位", "乙局": "二类单位"})
    text = rules.read_text(encoding="utf-8").replace(
        '{ category = "新闻", channel = "批示", points = 5 }',
        '{ category = "新闻", channel = "批示", points = 5, class = "一类单位" }',
    )
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_scheme(rules, roster)
    assert str(exc.value) == (
        "rules.toml weights 中“新闻·批示”只给了 一类单位 的分值，没有写 class 的单位、二类单位没有分值："
        "请补上，或加一项不写 class 的分值"
    )


def test_a_deduction_category_takes_no_best_of(tmp_path):
    rules, roster = mini_scheme(tmp_path)
    text = rules.read_text(encoding="utf-8").replace(
        "deduction = true", 'deduction = true\nbest_of = ["约稿未报送"]'
    )
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_scheme(rules, roster)
    assert str(exc.value) == (
        "rules.toml 类别“扣分”是扣分（deduction = true），不能写 best_of（每条扣分都扣）"
    )


def test_shiquan_weights_unchanged(tmp_path):
    # The default scheme gains a class column, empty: every weight applies to every unit.
    rules, roster = rules_variant(tmp_path, "header_rows = 4", "header_rows = 4")
    scheme = load_scheme(rules, roster)
    assert set(scheme.weights["class"]) == {""}
    assert scheme.policy == Policy()
