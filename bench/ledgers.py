"""Benchmark ledgers: generated, not stored. A ledger .xlsx laid out as Excel saves it (shared
strings, real date cells, a title row, a 备注 sheet) plus last quarter's table, and what a
correct converter must find in it (the oracle the runner checks every run against).

The generator keeps its own weights on purpose: it is an independent check of the converter.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import tomllib
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
PREVIOUS = REPO / "sample_data" / "石泉县2020年7-9月信息采用情况统计表.xlsx"
BASELINE = REPO / "bench" / "openpyxl_baseline.py"
DEFAULT_DATA = REPO / "bench_data"
GENERATOR_VERSION = 1  # bump when the generated ledgers change: the cache is keyed by it
DEFAULT_SIZES, SMOKE_SIZES = (300, 200_000, 1_000_000), (300, 5_000)
# The fastest raw read found: eager loading goes straight to one Arrow batch (about 15% faster
# than load_sheet(0).to_pandas(), and less memory).
RAW_READ = (
    "import sys, pandas, fastexcel; "
    "fastexcel.read_excel(sys.argv[1]).load_sheet(0, eager=True).to_pandas()"
)
# The same read after the converter's own pre-parse safety scan (issue 3: every file is checked
# from its bytes before fastexcel sees it): the least any safe run costs, before any scoring.
CHECKED_READ = (
    "import sys, pathlib, pandas, fastexcel; from shiquan_score.read.safety import sniff as safety; "
    "safety.check_xlsx(pathlib.Path(sys.argv[1])); "
    "fastexcel.read_excel(sys.argv[1]).load_sheet(0, eager=True).to_pandas()"
)

# The targets of issue 4.
E2E_OVER_READ, QUARTER_OVER_IMPORT, PEAK_MB, BASELINE_FACTOR = 1.25, 1.5, 1500, 3.0
NORMAL_QUARTER_MAX, LARGE_MIN, MEMORY_SIZE, BASELINE_SIZE = 1_000, 200_000, 1_000_000, 200_000

# ------------------------------------------------------------------ ledger content
Q4_DAYS = [
    d
    for d in (dt.date(2020, 10, 9) + dt.timedelta(n) for n in range(84))
    if d.weekday() < 5 and d.year == 2020
]
SEPTEMBER_DAYS = [dt.date(2020, 9, d) for d in (24, 25, 28, 29, 30)]
EXCEL_EPOCH = dt.date(1899, 12, 30)
TEXT_DATES = (
    "{y}.{m:02d}.{d:02d}",
    "{y}年{m}月{d}日",
    "{y}/{m:02d}/{d:02d}",
    "{y}-{m:02d}-{d:02d}",
)
CHANNEL_TEXTS = {
    "部门动态": ["部门动态"] * 6 + ["县政府网站部门动态", "部门动态栏目"],
    "各镇快讯": ["各镇快讯"] * 6 + ["县政府网站各镇快讯", "各镇快讯栏目"],
    "聚焦石泉": ["聚焦石泉"] * 6 + ["聚焦石泉栏目", "县政府网站“聚焦石泉”"],
    "市政府网站": ["市政府网站"] * 3 + ["县区新闻", "市政府网站县区新闻"],
    "县政府网站政务信息": ["县政府网站政务信息", "政务信息栏目", "县级"],
    "市级": ["市政务信息专报", "政务信息专报", "市政府办公室《政务信息专报》", "市级"],
    "省级": ["省政府办公厅", "省政府办公厅", "省级"],
    "国家级": ["国务院办公厅", "国办"],
}
CATEGORY_TEXTS = {
    "news": ["", "", "", "新闻动态", "新闻动态", "新闻", "新闻信息"],
    "gov": ["政务动态", "动态信息", "政务信息（动态）", "动态"],
    "research": ["调研信息", "调研", "调研类", "政务信息（调研）"],
}
WEIGHTS = {"部门动态": 1, "各镇快讯": 1, "聚焦石泉": 1, "市政府网站": 2}  # in half points
GOV_WEIGHTS = {"市级": 10, "省级": 20, "国家级": 40}
RESEARCH_BONUS = {"市级": 20, "省级": 40, "国家级": 60}
COUNTY_RESEARCH = 6
# (channels, rows: one cell or one row per channel, weight); "first" is 部门动态 or 各镇快讯.
NEWS_KINDS = [(("first",), 45), (("聚焦石泉",), 25), (("first", "市政府网站"), 15)]
NEWS_KINDS += [(("聚焦石泉", "市政府网站"), 10), (("市政府网站",), 5)]
GOV_KINDS = [(("市级",), 50), (("省级",), 25), (("市级", "省级"), 20), (("国家级",), 5)]
RESEARCH_KINDS = [
    (("县政府网站政务信息",), 40),
    (("县政府网站政务信息", "市级"), 30),
    (("县政府网站政务信息", "市级", "省级"), 15),
    (("县政府网站政务信息", "省级"), 10),
    (("市级",), 4),
    (("县政府网站政务信息", "市级", "省级", "国家级"), 1),
]
NO_PREFIX = {"县委办公室", "县委党校", "县妇联", "生态环境分局", "农商银行", "宣传部", "政府办"}
NO_PREFIX |= {"招商服务中心", "创建办", "人大常委会办公室", "政协办公室", "公安局（交警大队）"}
_TOPIC_TEXT = (
    "安全生产 疫情防控 脱贫攻坚成果巩固 乡村振兴 优化营商环境 河长制 森林防火 民法典宣传 "
    "人居环境整治 项目建设 党风廉政建设 扫黑除恶 平安建设 防汛减灾 社会救助 文明城市创建 "
    "产业发展 就业服务 政务公开 “放管服”改革 冬季农业生产 生态保护 矛盾纠纷排查化解"
)
TOPICS = _TOPIC_TEXT.split()
TEMPLATES_NEWS = (
    "{s}扎实推进{t}工作", "{s}召开{t}工作推进会", "{s}多措并举抓好{t}", "{s}开展{t}专项检查",
    "{s}全力做好{t}工作", "{s}安排部署{t}工作", "{s}举办{t}业务培训", "{s}持续深化{t}",
)  # fmt: skip
TEMPLATES_GOV = ("{s}“五个强化”推进{t}", "{s}多举措推动{t}提质增效", "{s}探索{t}新路径")
NOTES = [
    ("政府办", "省市暂未反馈"),
    ("行政审批服务局", "省市暂未反馈"),
    ("县委办公室", "省市暂未反馈"),
]


@dataclass
class Expected:
    """What the generator put in the ledger: rows, their fates and each unit's exact 本期."""

    rows: int
    scored: int
    out: int
    duplicate: int
    points: dict[str, float] = field(default_factory=dict)


def _roster() -> list[dict]:
    with (TEMPLATES / "roster.toml").open("rb") as fh:
        return tomllib.load(fh)["unit"]


def _pick(rng: random.Random, kinds: list[tuple[tuple[str, ...], int]]) -> tuple[str, ...]:
    return rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]


def _spell(unit: dict, rng: random.Random) -> str:
    """How the clerk happens to write this unit: short or full name, 县 prefix, stray spaces."""
    name, r = unit["name"], rng.random()
    full = [a for a in unit["aliases"] if len(a) > len(name) and not a.startswith("县")]
    if r < 0.12 and full:
        name = rng.choice(full)
    elif r < 0.20 and name not in NO_PREFIX and unit["table"] == "部门":
        name = "县" + name
    elif r < 0.26 and name not in NO_PREFIX:
        name = "石泉县" + name
    elif r < 0.30 and "（" in name:
        name = name.replace("（", "(").replace("）", ")")
    r = rng.random()
    return name + " " if r < 0.05 else "\u3000" + name if r < 0.08 else name


def ledger_rows(n: int, seed: int = 2020) -> tuple[list[tuple], Expected]:
    """n ledger rows (日期, 单位, 标题, 类别, 采用渠道, 备注) of 2020 Q4, and what they score."""
    rng = random.Random(seed)
    roster = _roster()
    by_table = {t: [u for u in roster if u["table"] == t] for t in ("镇", "部门")}
    half_points: dict[tuple[str, int], int] = defaultdict(int)  # (unit, n_units) -> 2 x points
    rows: list[tuple] = []
    out = dup = item_no = 0
    while len(rows) < n:
        item_no += 1
        table = "镇" if rng.random() < 0.3 else "部门"
        k = rng.choices((1, 2, 3), (960, 35, 5))[0]
        units = rng.sample(by_table[table], k)
        first = "各镇快讯" if table == "镇" else "部门动态"
        r = rng.random()
        kind = "news" if r < 0.70 else "gov" if r < 0.90 else "research"
        channels = _pick(rng, {"news": NEWS_KINDS, "gov": GOV_KINDS}.get(kind, RESEARCH_KINDS))
        channels = tuple(first if c == "first" else c for c in channels)
        one_row_per_channel = kind == "research" or (kind == "gov" and rng.random() < 0.5)
        if one_row_per_channel and len(channels) > n - len(rows):
            channels, kind, one_row_per_channel = (first,), "news", False
        day = rng.choice(Q4_DAYS)
        late = n > 1 and rng.random() < 0.002 and len(rows) < n
        if late:  # a September row in the running ledger: outside the period
            channels, kind, one_row_per_channel = (first,), "news", False
            day = rng.choice(SEPTEMBER_DAYS)
        unit_text = rng.choice(("、", "、", "，", ",", "；", "/")).join(
            _spell(u, rng) for u in units
        )
        lead = units[0]["name"]
        subject = lead if table == "镇" or lead in NO_PREFIX else "县" + lead
        template = TEMPLATES_GOV if kind == "gov" else TEMPLATES_NEWS
        title = rng.choice(template).format(s=subject, t=rng.choice(TOPICS)) + f"（{item_no}）"
        category = rng.choice(CATEGORY_TEXTS[kind])
        remark = "联合报送" if k > 1 and rng.random() < 0.5 else ""
        date = (
            day
            if rng.random() < 0.9
            else rng.choice(TEXT_DATES).format(y=day.year, m=day.month, d=day.day)
        )
        if one_row_per_channel:
            cells = [rng.choice(CHANNEL_TEXTS[c]) for c in channels]
        else:
            sep = "、" if rng.random() < 0.8 else "，"
            cells = [sep.join(rng.choice(CHANNEL_TEXTS[c]) for c in channels)]
        rows += [(date, unit_text, title, category, cell, remark) for cell in cells]
        if late:
            out += 1
            continue
        if kind == "research":
            bonus = max((RESEARCH_BONUS.get(c, 0) for c in channels), default=0)
            points = bonus + (COUNTY_RESEARCH if "县政府网站政务信息" in channels else 0)
        else:
            points = sum(
                WEIGHTS.get(c, 0) + GOV_WEIGHTS.get(c, 0) * (kind == "gov") for c in channels
            )
        for unit in units:
            half_points[unit["name"], k] += points
        if len(rows) < n and len(cells) == 1 and rng.random() < 0.001:
            rows.append(rows[-1])  # the same row entered twice: counted once, reported
            dup += 1
    totals: dict[str, Fraction] = defaultdict(Fraction)
    for (unit, k), half in half_points.items():
        totals[unit] += Fraction(half, 2 * k)
    points = {u["name"]: float(totals[u["name"]]) for u in roster}
    return rows, Expected(rows=n, scored=n - out - dup, out=out, duplicate=dup, points=points)


# ------------------------------------------------------------------ .xlsx as Excel saves it
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/worksheet" Target="worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
    '<sheets><sheet name="2020年台账" sheetId="1" r:id="rId1"/><sheet name="备注" sheetId="2" r:id="rId2"/></sheets>'
    '<calcPr calcId="191029"/></workbook>'
)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>办公室</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2020-12-31T08:00:00Z</dcterms:created></cp:coreProperties>'
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Microsoft Excel</Application></Properties>"
)
_HEADER = ("序号", "采用日期", "报送单位", "信息标题", "信息类别", "采用渠道", "备注")


class _Strings:
    """The shared-string table, in order of first use, as Excel builds it."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def cell(self, ref: str, text: str) -> str:
        self.count += 1
        i = self.index.setdefault(text, len(self.index))
        return f'<c r="{ref}" t="s"><v>{i}</v></c>'

    def xml(self) -> bytes:
        items = (
            f'<si><t xml:space="preserve">{escape(s)}</t></si>'
            if s != s.strip()
            else f"<si><t>{escape(s)}</t></si>"
            for s in self.index
        )
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" count="{self.count}" uniqueCount="{len(self.index)}">'
        return (head + "".join(items) + "</sst>").encode()


def _sheet_head(last_ref: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{last_ref}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="14.25"/><cols><col min="1" max="1" width="6" customWidth="1"/>'
        '<col min="2" max="2" width="12" customWidth="1"/><col min="3" max="3" width="20" customWidth="1"/>'
        '<col min="4" max="4" width="60" customWidth="1"/><col min="5" max="6" width="16" customWidth="1"/></cols><sheetData>'
    )


_SHEET_TAIL = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


def write_ledger(path: Path, rows: list[tuple]) -> None:
    """The ledger as Excel saves it: shared strings, date cells, a title row over the header."""
    strings = _Strings()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            last = len(rows) + 3
            fh.write(_sheet_head(f"G{last}").encode())
            head = [strings.cell("A1", "石泉县2020年政府信息采用台账")]
            head.append('</row><row r="3" spans="1:7">')
            head += [strings.cell(f"{chr(65 + c)}3", h) for c, h in enumerate(_HEADER)]
            fh.write(('<row r="1" spans="1:7">' + "".join(head) + "</row>").encode())
            chunk: list[str] = []
            for i, (date, unit, title, category, channel, remark) in enumerate(rows, start=1):
                r = i + 3
                if isinstance(date, dt.date):
                    style = 1 if i % 5 else 2
                    day = f'<c r="B{r}" s="{style}"><v>{(date - EXCEL_EPOCH).days}</v></c>'
                else:
                    day = strings.cell(f"B{r}", date)
                cells = [
                    f'<row r="{r}" spans="1:7"><c r="A{r}"><v>{i}</v></c>',
                    day,
                    strings.cell(f"C{r}", unit),
                    strings.cell(f"D{r}", title),
                    strings.cell(f"E{r}", category) if category else "",
                    strings.cell(f"F{r}", channel),
                    strings.cell(f"G{r}", remark) if remark else "",
                    "</row>",
                ]
                chunk.append("".join(cells))
                if len(chunk) == 20_000:
                    fh.write("".join(chunk).encode())
                    chunk = []
            fh.write(
                (
                    "".join(chunk)
                    + '</sheetData><mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>'
                ).encode()
            )
            fh.write(_SHEET_TAIL[len("</sheetData>") :].encode())
        notes = "".join(
            f'<row r="{r}">{strings.cell(f"A{r}", u)}{strings.cell(f"B{r}", t)}</row>'
            for r, (u, t) in enumerate([("单位", "备注"), *NOTES], start=1)
        )
        zf.writestr(
            "xl/worksheets/sheet2.xml", _sheet_head(f"B{len(NOTES) + 1}") + notes + _SHEET_TAIL
        )
        zf.writestr("xl/sharedStrings.xml", strings.xml())
        for name, text in [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", _WORKBOOK),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
            ("docProps/core.xml", _CORE),
            ("docProps/app.xml", _APP),
        ]:
            zf.writestr(name, text)


def make_inbox(folder: Path, n: int) -> tuple[Path, Expected]:
    """folder/inbox: n ledger rows plus last quarter's table; reused when already generated."""
    inbox = folder / "inbox"
    ledger = inbox / "2020年信息采用台账.xlsx"
    manifest = folder / "expected.json"
    if manifest.exists() and ledger.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.pop("version", None) == GENERATOR_VERSION and data["rows"] == n:
            return inbox, Expected(**data)
    inbox.mkdir(parents=True, exist_ok=True)
    rows, expected = ledger_rows(n)
    temp = folder / "ledger.tmp"
    write_ledger(temp, rows)
    os.replace(temp, ledger)
    shutil.copy2(PREVIOUS, inbox / PREVIOUS.name)
    data = {"version": GENERATOR_VERSION, **expected.__dict__}
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return inbox, expected


# ------------------------------------------------------------------ measuring
