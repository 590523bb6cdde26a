"""Write the demo inbox sample_data/: a 2020 Q4 ledger and the hand-made Q3 table.

The department counts reproduce the office's real 2020 Q4 table (tests/data/
seed_2020q4_departments.csv, made by tools/seed_to_csv.py) exactly; the town figures are
invented and written to tests/data/sample_expected_towns.csv. Deterministic: a fixed random
seed and a fixed workbook creation time, so running it twice gives the same bytes.

Usage: python tools/make_sample_data.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import xlsxwriter

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data"
LEDGER = SAMPLE / "2020年信息采用台账.xlsx"
PREVIOUS = SAMPLE / "石泉县2020年7-9月信息采用情况统计表.xlsx"
README = SAMPLE / "说明.txt"
SEED_CSV = REPO / "tests" / "data" / "seed_2020q4_departments.csv"
TOWNS_CSV = REPO / "tests" / "data" / "sample_expected_towns.csv"
ROSTER = REPO / "templates" / "roster.toml"

RANDOM_SEED = 20201231
CREATED = dt.datetime(2020, 12, 31, 12, 0, 0)
HALF = Fraction(1, 2)

# Table columns in order; the first is 部门动态 for departments, 各镇快讯 for towns.
# Each column is (category, channel) and a weight, as in templates/rules.toml.
COLS = ("news", "focus", "city_site", "province", "city")
WEIGHT = dict(zip(COLS, map(Fraction, ("0.5", "0.5", "1", "10", "5")), strict=True))
DEPT_HEADERS = ("部门动态", "聚焦石泉", "市政府网站", "动态省级", "动态市级")
TOWN_HEADERS = ("各镇快讯", "聚焦石泉", "市政府网站", "动态省级", "动态市级")
CHANNEL_OF = {"focus": "聚焦石泉", "city_site": "市政府网站", "province": "省级", "city": "市级"}

# ------------------------------------------------------------------ the invented town figures
# Q4 counts (各镇快讯, 聚焦石泉, 市政府网站, 动态省级, 动态市级) and the Q3 cumulative score
# (this quarter's 上期). Whole numbers only. 饶峰镇 and 两河镇 tie on 累计 on purpose.
TOWN_Q4 = {
    "城关镇": ((22, 8, 6, 0, 2), Fraction("98.5")),
    "饶峰镇": ((14, 5, 3, 0, 1), Fraction("61")),
    "两河镇": ((16, 6, 4, 0, 1), Fraction("58.5")),
    "迎丰镇": ((11, 4, 2, 0, 0), Fraction("44")),
    "池河镇": ((19, 7, 5, 1, 2), Fraction("83")),
    "后柳镇": ((17, 9, 6, 0, 1), Fraction("72.5")),
    "喜河镇": ((12, 3, 2, 0, 1), Fraction("49")),
    "熨斗镇": ((9, 2, 1, 0, 0), Fraction("31.5")),
    "云雾山镇": ((13, 4, 3, 1, 1), Fraction("66")),
    "中池镇": ((8, 3, 1, 0, 1), Fraction("36")),
    "曾溪镇": ((10, 3, 2, 0, 0), Fraction("40.5")),
}

# ------------------------------------------------------------------ joint items (halves)
# Every half in the seed pairs up within its column: one item, two units, 0.5 each.
JOINT_ITEMS = (
    (
        "focus",
        ("教体科技局", "宣传部"),
        "教体科技局、宣传部",
        "石泉县举行“新时代好少年”先进事迹发布会",
    ),
    ("focus", ("扶贫局", "水利局"), "扶贫局/水利局", "石泉县农村饮水安全巩固提升工程惠及2.3万群众"),
    (
        "focus",
        ("人大常委会办公室", "政协办公室"),
        "人大常委会办公室，政协办公室",
        "县人大常委会、县政协联合开展优化营商环境专题视察",
    ),
    (
        "focus",
        ("卫健局", "县委办公室"),
        "卫健局、县委办公室",
        "石泉县开展秋冬季新冠肺炎疫情防控督导检查",
    ),
    (
        "city",
        ("招商服务中心", "生态环境分局"),
        "招商服务中心、安康市生态环境局石泉分局",
        "石泉县坚持生态优先严把招商引资项目环保准入关",
    ),
)

# Government-dynamics items adopted at both city and province: how the clerk wrote them.
BOTH_LEVELS_ONE_ROW = {"池河镇"}  # one row: 市政务信息专报、省政府办公厅
# 供销联社 and 云雾山镇 get two rows (one per level), the province a few days later.

# ------------------------------------------------------------------ writing variants
CHANNEL_TEXTS = {
    "部门动态": ["部门动态"] * 6 + ["县政府网站部门动态", "部门动态栏目"],
    "各镇快讯": ["各镇快讯"] * 6 + ["县政府网站各镇快讯", "各镇快讯栏目"],
    "聚焦石泉": ["聚焦石泉"] * 6 + ["聚焦石泉栏目", "县政府网站“聚焦石泉”"],
    "市政府网站": ["市政府网站"] * 3 + ["县区新闻", "市政府网站县区新闻"],
    "市级": ["市政务信息专报", "政务信息专报", "市政府办公室《政务信息专报》", "市级"],
    "省级": ["省政府办公厅", "省政府办公厅", "省级"],
}
NEWS_CATEGORY_TEXTS = ["", "", "", "新闻动态", "新闻动态", "新闻", "新闻信息"]
GOV_CATEGORY_TEXTS = ["政务动态", "动态信息", "政务信息（动态）", "动态"]
# Units a clerk writes with 县 / 石泉县 in front (not those whose name already reads oddly so).
NO_PREFIX = {
    "县委办公室", "县委党校", "县妇联", "生态环境分局", "农商银行", "宣传部", "招商服务中心",
    "创建办", "政府办", "人大常委会办公室", "政协办公室", "公安局（交警大队）",
}  # fmt: skip
FIRST_TEXT = {  # the first row of these units uses this spelling, so each one appears
    "财政局": "县财政局",
    "教体科技局": "石泉县教育体育和科技局",
    "公安局（交警大队）": "公安局(交警大队)",
    "政府办": "县政府办",
    "人大常委会办公室": "人大常委会  办公室",
}

# ------------------------------------------------------------------ headline material
SUBJECT = {
    "政府办": "县政府办", "公安局（交警大队）": "县交警大队", "生态环境分局": "市生态环境局石泉分局",
    "县委办公室": "县委办", "宣传部": "县委宣传部", "县委党校": "县委党校", "县妇联": "县妇联",
    "农商银行": "石泉农商银行", "人大常委会办公室": "县人大常委会", "政协办公室": "县政协",
}  # fmt: skip
TOPICS = {
    "政府办": "政务公开 “十四五”规划编制 政务信息报送 重点项目建设督查 机关事务管理 年度目标责任考核",
    "教体科技局": "冬季校园安全 教师队伍建设 义务教育均衡发展 科技特派员服务 学生资助 控辍保学 校园疫情防控",
    "人社局": "农民工工资清欠 稳就业 职业技能培训 社保扶贫 人才引进 劳动保障监察 创业担保贷款",
    "司法局": "民法典宣传 人民调解 法律援助 社区矫正 普法宣传 公共法律服务 行政执法监督 “八五”普法规划",
    "应急管理局": "冬春火灾防控 安全生产大检查 危化品安全整治 防汛减灾 应急演练 非煤矿山安全 森林防灭火",
    "市场监理局": "食品安全 特种设备安全 价格监督检查 冷链食品疫情防控 知识产权保护 市场主体培育 药品安全",
    "林业局": "森林防火 秦岭生态保护 冬季植树造林 松材线虫病防控 天然林保护 野生动物保护 林长制",
    "发改局": "“十四五”规划编制 重点项目建设 粮食安全 价格监测 以工代赈 项目谋划储备",
    "扶贫局": "脱贫攻坚普查 扶贫小额信贷 消费扶贫 易地扶贫搬迁后续扶持 脱贫攻坚“回头看” 产业扶贫 防返贫监测",
    "卫健局": "秋冬季疫情防控 家庭医生签约服务 健康扶贫 冬季流感防治 医共体建设 爱国卫生运动 妇幼健康服务",
    "水利局": "河长制 农村饮水安全 水利工程冬修 水土保持 汉江水质保护",
    "招商服务中心": "招商引资 项目签约 客商服务",
    "文旅广电局": "文化惠民 全域旅游 鎏金铜蚕文化 公共文化服务",
    "信访局": "信访积案化解 领导干部接访 信访矛盾排查",
    "供销联社": "农资保供 电商服务 农产品产销对接",
    "行政审批服务局": "“放管服”改革 “一网通办” 工程建设项目审批 “证照分离”改革 政务服务“好差评” 企业开办",
    "工业集中区管委会": "园区项目建设 企业稳产达产",
    "交通局": "农村公路建设 冬季道路交通安全 道路运输安全 “四好农村路”建设",
    "财政局": "预算绩效管理 财政资金监管 国库集中支付",
    "民政局": "冬季困难群众救助 养老服务 社会救助 留守儿童关爱",
    "农业农村局": "农村人居环境整治 冬季农业生产 富硒茶产业 蚕桑产业 农产品质量安全",
    "生态环境分局": "大气污染防治 汉江水质保护 环境执法",
    "自然资源局": "耕地保护 国土空间规划 地质灾害防治 不动产登记 违法占地整治 自然资源执法 农村乱占耕地建房整治",
    "公安局（交警大队）": "冬季道路交通安全 酒驾醉驾整治",
    "医保局": "打击欺诈骗保 医保扶贫 医保政策宣传",
    "住建局": "老旧小区改造 建筑施工安全 农村危房改造 城市管理",
    "审计局": "经济责任审计 扶贫资金审计",
    "退役军人事务局": "退役军人权益保障 双拥共建",
    "创建办": "文明城市创建",
    "统计局": "统计数据质量",
    "经贸局": "商贸流通",
    "县委办公室": "督查检查 机要保密",
    "人大常委会办公室": "代表履职 执法检查",
    "政协办公室": "委员履职 民主监督",
    "宣传部": "新时代文明实践 意识形态 精神文明建设 全国文明城市创建 典型宣传 理论宣讲 志愿服务",
    "县委党校": "主体班培训 理论宣讲",
    "总工会": "职工普惠服务 送温暖活动",
    "县妇联": "巾帼建功 家庭家教家风建设",
    "消防救援大队": "冬春火灾防控 消防安全宣传",
    "农商银行": "金融扶贫 普惠金融",
    "城关镇": "老旧小区改造 社区治理 城镇管理",
    "饶峰镇": "中药材产业 胡家坝美丽乡村建设",
    "两河镇": "生猪养殖 村级集体经济",
    "迎丰镇": "冬季农业生产 特色种植",
    "池河镇": "鎏金铜蚕文化 蚕桑产业",
    "后柳镇": "后柳水乡旅游 中坝大峡谷景区建设",
    "喜河镇": "库区移民 喜河晒坪村旅游",
    "熨斗镇": "富硒茶产业 茶园冬管",
    "云雾山镇": "云雾山茶产业 鬼谷岭景区建设",
    "中池镇": "魔芋产业 中池小龙虾养殖",
    "曾溪镇": "食用菌产业 冬季农田水利建设",
}
DEPT_GENERIC = (
    "党风廉政建设 作风建设 冬季安全生产 秋冬季疫情防控 扫黑除恶专项斗争 平安建设 意识形态 "
    "年终目标责任考核 机关党建 干部教育培训 政务公开 保密 网络安全 档案管理 节约型机关创建 "
    "优化营商环境 消防安全 民法典学习 国家安全宣传"
)
TOWN_GENERIC = (
    "产业发展 冬季农田水利建设 人居环境整治 移民搬迁社区治理 冬季森林防火 脱贫攻坚成果巩固 "
    "村级集体经济 秋冬季疫情防控 基层党建 乡村振兴 安全生产 防返贫监测 农村“三变”改革 "
    "矛盾纠纷排查化解 平安建设 文明乡风建设 新时代文明实践 河长制 农村公路养护"
)
NEWS_TEMPLATES = (
    "{s}扎实推进{t}工作", "{s}召开{t}工作推进会", "{s}多措并举抓好{t}", "{s}开展{t}专项检查",
    "{s}全力做好{t}工作", "{s}安排部署{t}工作", "{s}：{t}工作取得阶段性成效",
    "{s}举办{t}业务培训", "{s}“三个到位”推动{t}落地见效", "{s}召开{t}专题会议",
    "{s}聚焦{t} 助力高质量发展", "{s}“四个坚持”做实{t}", "{s}持续深化{t}",
)  # fmt: skip
GOV_TEMPLATES = (
    "{s}“五个强化”推进{t}", "{s}多举措推动{t}提质增效", "{s}探索{t}新路径",
    "{s}“三个聚焦”抓实{t}", "{s}以{t}为抓手助推乡村振兴",
)  # fmt: skip
# The 备注 block exactly as the office published it (the Q3 table is hand-made, not generated).
REMARKS = (
    "备注：\n"
    "1. 新闻动态信息被“各镇快讯”栏目采用计0.5分，“聚焦石泉”采用计0.5分，被市政府网站“县区新闻”栏目"
    "采用的加1分（从县政府网站稿件推荐）。\n"
    "2. 政务动态类信息被市政府办公室《政务信息专报》、省政府办公厅、国务院办公厅采用的分别加5分、"
    "10分、20分。\n"
    "3. 调研类信息被县政府网站“政务信息”栏目采用的计3分，被市政府办公室《政务信息专报》、省政府办公厅、"
    "国务院办公厅采用的分别加10分、20分、30分（同一信息被多次采用的，以最高分记，加分部分不重复计分）。"
)
TEXT_DATE_FORMATS = (
    "{y}.{m:02d}.{d:02d}",
    "{y}年{m}月{d}日",
    "{y}/{m:02d}/{d:02d}",
    "{y}-{m:02d}-{d:02d}",
)


@dataclass
class Item:
    """One adopted article: its unit(s), the channels that took it, and how it is written."""

    units: tuple[str, ...]
    channels: tuple[str, ...]  # canonical channel names
    gov: bool  # 政务动态 (else 新闻动态)
    unit_text: str = ""
    title: str = ""
    date: dt.date | None = None
    two_rows: bool = False
    remark: str = ""


@dataclass
class Row:
    date: dt.date
    date_text: str | None  # None: a real Excel date
    unit: str
    title: str
    category: str
    channel: str
    remark: str


# ------------------------------------------------------------------ reading the inputs
def load_seed() -> list[dict[str, str]]:
    with SEED_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_roster() -> list[dict]:
    with ROSTER.open("rb") as fh:
        return tomllib.load(fh)["unit"]


def seed_counts(seed: list[dict[str, str]]) -> dict[str, dict[str, Fraction]]:
    return {
        r["name"]: {c: Fraction(r[h]) for c, h in zip(COLS, DEPT_HEADERS, strict=True)}
        for r in seed
    }


def town_counts() -> dict[str, dict[str, Fraction]]:
    return {
        t: {c: Fraction(n) for c, n in zip(COLS, counts, strict=True)}
        for t, (counts, _) in TOWN_Q4.items()
    }


# ------------------------------------------------------------------ items
def build_items(
    counts: dict[str, dict[str, Fraction]], first_channel: str, rng: random.Random
) -> list[Item]:
    """Counts per unit -> items; a city-site adoption usually rides on a county-site item."""
    items: list[Item] = []
    remaining = {u: dict(c) for u, c in counts.items()}
    for col, units, unit_text, title in JOINT_ITEMS:
        if not all(u in remaining for u in units):
            continue
        for u in units:
            remaining[u][col] -= HALF
        channel = first_channel if col == "news" else CHANNEL_OF[col]
        items.append(Item(units, (channel,), col in ("city", "province"), unit_text, title))
    for unit, c in remaining.items():
        if any(v.denominator != 1 or v < 0 for v in c.values()):
            raise AssertionError(f"{unit}: unpaired half or negative count after joints: {c}")
        news = [[first_channel] for _ in range(int(c["news"]))]
        news += [["聚焦石泉"] for _ in range(int(c["focus"]))]
        rng.shuffle(news)
        for _ in range(int(c["city_site"])):
            free = [n for n in news if "市政府网站" not in n]
            if free and rng.random() < 0.85:
                rng.choice(free).append("市政府网站")
            else:
                news.append(["市政府网站"])
        items += [Item((unit,), tuple(n), False) for n in news]
        both = min(c["province"], c["city"])
        gov = [("市级", "省级")] * int(both)
        gov += [("市级",)] * int(c["city"] - both) + [("省级",)] * int(c["province"] - both)
        items += [Item((unit,), g, True) for g in gov]
    return items


def recount(items: list[Item], first_channel: str) -> dict[str, Counter]:
    """Items -> counts per unit and column, the way the office counts them."""
    column = {first_channel: "news", "聚焦石泉": "focus", "市政府网站": "city_site"}
    column |= {"省级": "province", "市级": "city"}
    out: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        for unit in item.units:
            for ch in item.channels:
                out[unit][column[ch]] += Fraction(1, len(item.units))
    return out


def headline(item: Item, used: set[str], rng: random.Random) -> str:
    unit = item.units[0]
    is_town = unit.endswith("镇")
    own = TOPICS[unit].split()
    generic = (TOWN_GENERIC if is_town else DEPT_GENERIC).split()
    subject = unit if is_town else SUBJECT.get(unit, "县" + unit)
    for _ in range(1000):
        if item.gov:
            s = unit if is_town else "石泉县"
            title = rng.choice(GOV_TEMPLATES).format(s=s, t=rng.choice(own))
        else:
            county_wide = not is_town and "聚焦石泉" in item.channels and rng.random() < 0.2
            t = rng.choice(own) if county_wide or rng.random() < 0.6 else rng.choice(generic)
            s = "石泉县" if county_wide else subject
            title = rng.choice(NEWS_TEMPLATES).format(s=s, t=t)
        if title not in used:
            used.add(title)
            return title
    raise AssertionError(f"ran out of headlines for {unit}")


def unit_spelling(
    unit: str, aliases: dict[str, list[str]], seen: set[str], rng: random.Random
) -> str:
    """How the clerk happens to write this unit today."""
    if unit not in seen:
        seen.add(unit)
        if unit in FIRST_TEXT:
            return FIRST_TEXT[unit]
    full = [a for a in aliases.get(unit, []) if len(a) > len(unit) and not a.startswith("县")]
    r = rng.random()
    text = unit
    if r < 0.12 and full:
        text = rng.choice(full)
    elif 0.12 <= r < 0.20 and unit not in NO_PREFIX and not unit.endswith("镇"):
        text = "县" + unit
    elif 0.20 <= r < 0.26 and unit not in NO_PREFIX:
        text = "石泉县" + unit
    r = rng.random()
    if r < 0.05:
        text += " "
    elif r < 0.08:
        text = "\u3000" + text
    elif r < 0.10:
        text = " " + text + "\u3000"
    return text


def work_days(rng: random.Random) -> list[dt.date]:
    first, last = dt.date(2020, 10, 9), dt.date(2020, 12, 31)  # after the National Day holiday
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]


def join_channels(channels: tuple[str, ...], rng: random.Random) -> str:
    sep = "、" if rng.random() < 0.8 else "，"
    return sep.join(rng.choice(CHANNEL_TEXTS[ch]) for ch in channels)


def rows_of(item: Item, rng: random.Random) -> list[Row]:
    """One item -> its ledger row(s)."""
    assert item.date is not None
    category = rng.choice(GOV_CATEGORY_TEXTS if item.gov else NEWS_CATEGORY_TEXTS)
    if item.two_rows:
        rows = []
        for i, ch in enumerate(item.channels):
            day = item.date + dt.timedelta(days=3 * i if item.gov else 0)
            day = min(day, dt.date(2020, 12, 31))
            text = rng.choice(CHANNEL_TEXTS[ch])
            rows.append(Row(day, None, item.unit_text, item.title, category, text, item.remark))
        return rows
    if item.gov and len(item.channels) == 2:
        channel = "市政务信息专报、省政府办公厅"
    else:
        channel = join_channels(item.channels, rng)
    return [Row(item.date, None, item.unit_text, item.title, category, channel, item.remark)]


def ledger_rows(items: list[Item], rng: random.Random) -> tuple[list[Row], Row]:
    """Items -> dated ledger rows, with 3 September rows and one exact duplicate."""
    days = work_days(rng)
    for item in items:
        item.date = rng.choice(days)
    rows = [row for item in items for row in rows_of(item, rng)]
    september = [  # adopted before the period: the converter must leave them out
        Row(dt.date(2020, 9, 24), None, "司法局", "县司法局开展“宪法进万家”宣传活动", "", "部门动态", ""),
        Row(dt.date(2020, 9, 28), "2020.09.28", "城关镇", "城关镇召开中秋国庆节前安全生产工作会", "新闻", "各镇快讯", ""),
        Row(dt.date(2020, 9, 30), None, "应急管理局", "县应急管理局开展节前安全生产大检查", "", "聚焦石泉", ""),
    ]  # fmt: skip
    rows = sorted(september + rows, key=lambda r: r.date)
    # Some dates typed as text, each format at least once.
    text_rows = rng.sample(range(len(rows)), k=len(rows) // 7)
    for n, i in enumerate(sorted(text_rows)):
        d = rows[i].date
        if rows[i].date_text is None:
            fmt = TEXT_DATE_FORMATS[n % len(TEXT_DATE_FORMATS)]
            rows[i].date_text = fmt.format(y=d.year, m=d.month, d=d.day)
    # The clerk enters one single-channel 司法局 row a second time, after two other rows.
    original = next(
        i for i, r in enumerate(rows) if r.unit == "司法局" and r.channel == "部门动态" and i > 40
    )
    duplicate = Row(**vars(rows[original]))
    rows.insert(original + 3, duplicate)
    return rows, duplicate


def make_items(rng: random.Random) -> tuple[list[Item], list[Item]]:
    seed = load_seed()
    roster = load_roster()
    aliases = {u["name"]: u["aliases"] for u in roster}
    dept = build_items(seed_counts(seed), "部门动态", rng)
    towns = build_items(town_counts(), "各镇快讯", rng)
    if recount(dept, "部门动态") != {
        u: +Counter(c) for u, c in seed_counts(seed).items() if any(c.values())
    }:
        raise AssertionError("department items do not reproduce the seed")
    if recount(towns, "各镇快讯") != {u: +Counter(c) for u, c in town_counts().items()}:
        raise AssertionError("town items do not reproduce the town figures")

    items = dept + towns
    rng.shuffle(items)
    used: set[str] = {title for *_, title in JOINT_ITEMS}
    seen: set[str] = set()
    for item in items:
        if not item.title:
            item.title = headline(item, used, rng)
        if not item.unit_text:
            item.unit_text = unit_spelling(item.units[0], aliases, seen, rng)
        if len(item.units) > 1:
            item.remark = "联合报送"
        if item.gov and len(item.channels) == 2:
            item.two_rows = item.units[0] not in BOTH_LEVELS_ONE_ROW
    # Two news items written as one row per channel (as clerks do for research items).
    split_news = [i for i in items if not i.gov and len(i.channels) == 2][:2]
    for item in split_news:
        item.two_rows = True
    return dept, towns


# ------------------------------------------------------------------ the ledger workbook
def write_ledger(rows: list[Row], notes: list[tuple[str, str]]) -> None:
    wb = xlsxwriter.Workbook(LEDGER)
    wb.set_properties({"created": CREATED, "author": "石泉县政府办公室"})
    ws = wb.add_worksheet("2020年台账")
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    head = wb.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#D9E1F2"}
    )
    cell = wb.add_format({"valign": "vcenter", "border": 1})
    center = wb.add_format({"align": "center", "valign": "vcenter", "border": 1})
    date = wb.add_format(
        {"num_format": "yyyy-mm-dd", "align": "center", "valign": "vcenter", "border": 1}
    )
    headers = ("序号", "采用日期", "报送单位", "信息标题", "信息类别", "采用渠道", "备注")
    widths = (6, 14, 24, 52, 14, 30, 12)
    ws.merge_range(0, 0, 0, len(headers) - 1, "石泉县2020年政府信息采用台账", title)
    ws.set_row(0, 30)
    for col, (h, w) in enumerate(zip(headers, widths, strict=True)):
        ws.write_string(2, col, h, head)
        ws.set_column(col, col, w)
    for n, row in enumerate(rows, start=1):
        r = n + 2
        ws.write_number(r, 0, n, center)
        if row.date_text is None:
            ws.write_datetime(r, 1, dt.datetime.combine(row.date, dt.time()), date)
        else:
            ws.write_string(r, 1, row.date_text, center)
        ws.write_string(r, 2, row.unit, cell)
        ws.write_string(r, 3, row.title, cell)
        ws.write_string(r, 4, row.category, center)
        ws.write_string(r, 5, row.channel, cell)
        ws.write_string(r, 6, row.remark, cell)
    ws.freeze_panes(3, 0)
    ws.autofilter(2, 0, len(rows) + 2, len(headers) - 1)

    ns = wb.add_worksheet("备注")
    ns.write_string(0, 0, "单位", head)
    ns.write_string(0, 1, "备注", head)
    ns.set_column(0, 0, 18)
    ns.set_column(1, 1, 16)
    for r, (unit, note) in enumerate(notes, start=1):
        ns.write_string(r, 0, unit, cell)
        ns.write_string(r, 1, note, cell)
    wb.close()


# ------------------------------------------------------------------ the hand-made Q3 table
def invent_quarter(total: Fraction, rng: random.Random) -> dict[str, Fraction]:
    """Plausible Q3 counts whose score is about a third of the cumulative `total` (never more)."""
    budget = total * Fraction(rng.randint(25, 45), 100)
    province = 1 if budget >= 30 and rng.random() < 0.3 else 0
    rest = budget - 10 * province
    city = rng.randint(0, int(rest / 5 / 2))  # at most half the points from city adoptions
    rest -= 5 * city
    city_site = int(rest * Fraction(rng.randint(15, 30), 100))
    halves = int((rest - city_site) * 2)  # adoptions worth 0.5 each
    news = round(halves * Fraction(rng.randint(50, 70), 100))
    counts = (news, halves - news, city_site, province, city)
    return {c: Fraction(n) for c, n in zip(COLS, counts, strict=True)}


def score(counts: dict[str, Fraction]) -> Fraction:
    return sum((WEIGHT[c] * counts[c] for c in COLS), Fraction(0))


def competition_ranks(totals: list[Fraction]) -> list[int]:
    """Ranks for totals already sorted descending: 1, 2, 2, 4."""
    return [1 + sum(t > x for t in totals) for x in totals]


def ranked_order(names: list[str], totals: dict[str, Fraction]) -> list[str]:
    """By 累计 descending; within a tie keep the roster order (names are in roster order)."""
    return sorted(names, key=lambda n: (-totals[n], names.index(n)))


def show(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def table_formats(wb: xlsxwriter.Workbook) -> dict:
    """The formats of a hand-made official table (also used by tests that build one)."""
    base = {
        "font_name": "仿宋_GB2312",
        "font_size": 12,
        "align": "center",
        "valign": "vcenter",
        "border": 1,
    }
    return {
        "att": wb.add_format({"font_name": "黑体", "font_size": 16}),
        "title": wb.add_format(
            {"font_name": "方正小标宋简体", "font_size": 22, "align": "center", "valign": "vcenter"}
        ),
        "head": wb.add_format({**base, "font_name": "黑体", "text_wrap": True}),
        "body": wb.add_format(base),
        "wrap": wb.add_format({**base, "text_wrap": True}),
        "remark": wb.add_format({**base, "align": "left", "valign": "top", "text_wrap": True}),
    }


def write_previous(
    q3_towns: list[dict], q3_ranked: list[dict], q3_unranked: list[dict], remarks: str
) -> None:
    wb = xlsxwriter.Workbook(PREVIOUS)
    wb.set_properties({"created": CREATED, "author": "石泉县政府办公室"})
    fmt = table_formats(wb)
    text_cells = {
        ("民政局", "累计"),
        ("教体科技局", "focus"),
        ("司法局", "news"),
        ("后柳镇", "本期"),
        ("池河镇", "focus"),
    }
    for sheet, att, key, first, units, unranked in (
        ("附件1", "附件1", "镇", "各镇快讯", q3_towns, []),
        ("附件2", "附件2", "部门", "部门动态", q3_ranked, q3_unranked),
    ):
        ws = wb.add_worksheet(sheet)
        write_table(ws, fmt, att, key, first, units, unranked, remarks, text_cells)
    wb.close()


def write_table(
    ws,
    fmt,
    att,
    key,
    first,
    units,
    unranked,
    remarks,
    text_cells,
    months: str = "7-9月",
    year: int = 2020,
) -> None:
    """One hand-made table (附件1 or 附件2) in the official layout; `months` as in 10-12月."""
    ws.set_column_pixels(0, 0, 160)
    ws.set_column_pixels(1, 7, 64)
    ws.set_column_pixels(8, 10, 54)
    ws.set_column_pixels(11, 11, 44)
    ws.write_string(0, 0, att, fmt["att"])
    ws.merge_range(2, 0, 2, 11, f"石泉县{year}年信息采用情况统计表（{key}）", fmt["title"])
    ws.set_row(2, 39.75)
    h = fmt["head"]
    months = f"{months}采用情况（条）"
    ws.merge_range(3, 0, 6, 0, "单位名称", h)
    ws.merge_range(3, 1, 3, 3, "新闻动态", h)
    ws.merge_range(3, 4, 3, 7, "政务信息", h)
    ws.merge_range(3, 8, 4, 10, "得分情况（分）", h)
    ws.merge_range(3, 11, 6, 11, "排名", h)
    ws.merge_range(4, 1, 4, 3, months, h)
    ws.merge_range(4, 4, 4, 7, months, h)
    first = first[:2] + "\n" + first[2:]  # 部门\n动态 wraps cleanly in a 64 px column
    for col, text in (
        (1, first),
        (2, "聚焦\n石泉"),
        (3, "市政府\n网站"),
        (8, "本期"),
        (9, "上期"),
        (10, "累计"),
    ):
        ws.merge_range(5, col, 6, col, text, h)
    ws.merge_range(5, 4, 5, 5, "动态信息", h)
    ws.merge_range(5, 6, 5, 7, "调研信息", h)
    for col, text in ((4, "省级"), (5, "市级"), (6, "省级"), (7, "市级")):
        ws.write_string(6, col, text, h)
    for r in range(3, 7):
        ws.set_row(r, 21.75 if r < 5 else 28.5)

    body = fmt["body"]

    def put(r: int, c: int, name: str, key: str, value: Fraction) -> None:
        if value == 0:
            ws.write_string(r, c, "——", body)
        elif (name, key) in text_cells:
            ws.write_string(r, c, show(value), body)  # typed in as text, as hand-made tables are
        else:
            ws.write_number(r, c, float(value), body)

    r = 7
    for u in units + unranked:
        ws.set_row(r, 20.25)
        ws.write_string(r, 0, u["name"], body)
        for c, col in enumerate(("news", "focus", "city_site", "province", "city"), start=1):
            put(r, c, u["name"], col, u[col])
        if u.get("note"):
            ws.merge_range(r, 6, r, 7, u["note"], fmt["wrap"])
        else:
            ws.write_string(r, 6, "——", body)
            ws.write_string(r, 7, "——", body)
        if "rank" in u:
            for c, col in ((8, "本期"), (9, "上期"), (10, "累计")):
                put(r, c, u["name"], col, u[col])
            ws.write_number(r, 11, u["rank"], body)
        r += 1
    if unranked:
        ws.merge_range(
            r - len(unranked), 8, r - 1, 11, "非政府序列部门\n不计分、不排名", fmt["wrap"]
        )
    lines = remarks.count("\n") + 1 + 3  # the three rules wrap onto about two lines each
    ws.merge_range(r, 0, r, 11, remarks, fmt["remark"])
    ws.set_row(r, lines * 18 + 6)
    ws.set_paper(9)
    ws.set_landscape()
    ws.center_horizontally()
    ws.repeat_rows(3, 6)
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)


def q3_tables(rng: random.Random) -> tuple[list[dict], list[dict], list[dict]]:
    """Invent Q3 counts whose 累计 equals this quarter's 上期 (seed for departments)."""
    seed = load_seed()
    towns = []
    for name, (_, total) in TOWN_Q4.items():
        counts = invent_quarter(total, rng)
        towns.append({"name": name, **counts, "累计": total})
    ranked, unranked = [], []
    for row in seed:
        if row["ranked"] == "true":
            total = Fraction(row["上期"])
            counts = invent_quarter(total, rng)
            ranked.append({"name": row["name"], **counts, "累计": total})
        else:
            counts = {
                c: Fraction(rng.randint(0, n)) for c, n in zip(COLS, (3, 4, 1, 0, 0), strict=True)
            }
            unranked.append({"name": row["name"], **counts})
    # One joint 聚焦石泉 item in Q3 as well: 教体科技局 and 宣传部, 0.5 each.
    for u in ranked + unranked:
        if u["name"] in ("教体科技局", "宣传部"):
            u["focus"] += HALF
        if u["name"] == "县委办公室":
            u["note"] = "省市暂未反馈"
        if u["name"] == "宣传部":
            u["focus"] += 6  # the propaganda department feeds 聚焦石泉 more than anyone
    for group in (towns, ranked):
        for u in group:
            u["本期"] = score(u)
            u["上期"] = u["累计"] - u["本期"]
            if u["上期"] < 0:
                raise AssertionError(f"{u['name']}: Q3 本期 exceeds 累计")
        names = [u["name"] for u in group]
        order = ranked_order(names, {u["name"]: u["累计"] for u in group})
        group.sort(key=lambda u: order.index(u["name"]))
        for u, rank in zip(group, competition_ranks([u["累计"] for u in group]), strict=True):
            u["rank"] = rank
    # Roster order for the unranked block, as the seed prints it.
    return towns, ranked, unranked


# ------------------------------------------------------------------ expected town figures
def write_expected_towns() -> list[dict[str, str]]:
    names = list(TOWN_Q4)
    current = {t: score(c) for t, c in town_counts().items()}
    total = {t: current[t] + TOWN_Q4[t][1] for t in names}
    order = ranked_order(names, total)
    ranks = competition_ranks([total[t] for t in order])
    records = []
    for town, rank in zip(order, ranks, strict=True):
        counts = TOWN_Q4[town][0]
        records.append(
            {
                "name": town,
                **{h: str(n) for h, n in zip(TOWN_HEADERS, counts, strict=True)},
                "本期": show(current[town]),
                "上期": show(TOWN_Q4[town][1]),
                "累计": show(total[town]),
                "排名": str(rank),
            }
        )
    with TOWNS_CSV.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return records


def check_variety(rows: list[Row]) -> None:
    """The spellings the brief promises must each occur at least once."""
    units = {r.unit for r in rows}
    channels = "|".join(r.channel for r in rows)
    categories = {r.category for r in rows}
    wanted_units = ["县财政局", "石泉县教育体育和科技局", "公安局(交警大队)", "县政府办"]
    wanted_channels = [
        "县区新闻",
        "市政务信息专报",
        "省政府办公厅",
        "县政府网站部门动态",
        "部门动态、市政府网站",
    ]
    wanted_categories = ["", "新闻", "动态信息", "政务信息（动态）"]
    missing = [u for u in wanted_units if u not in units]
    missing += [c for c in wanted_channels if c not in channels]
    missing += [c for c in wanted_categories if c not in categories]
    if not any("\u3000" in u for u in units) or not any(u != u.strip() for u in units):
        missing.append("stray spaces")
    if missing:
        raise AssertionError(f"variety missing from the ledger: {missing}")


def main() -> int:
    rng = random.Random(RANDOM_SEED)
    SAMPLE.mkdir(exist_ok=True)
    dept, towns = make_items(rng)
    rows, duplicate = ledger_rows(dept + towns, rng)
    check_variety(rows)
    seed = load_seed()
    notes = [(r["name"], r["note"]) for r in seed if r["note"]]
    write_ledger(rows, notes)

    write_previous(*q3_tables(rng), REMARKS)
    expected = write_expected_towns()
    README.write_text(
        "本文件夹是演示用的收件箱：2020年第四季度信息采用台账和上季度（7-9月）统计表，供试运行。\n",
        encoding="utf-8",
    )

    print(
        f"{LEDGER.name}: {len(rows)} rows; duplicate: {duplicate.unit} {duplicate.title}",
        file=sys.stderr,
    )
    for r in expected:
        print(",".join(r.values()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
