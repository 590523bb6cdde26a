"""CSV and Excel's Unicode text → one raw sheet: the encoding, the delimiter, the rows as
Excel numbers them, and files that cannot be read refused with their reason."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.errors import InputError
from shiquan_score.normalise.text import norm
from shiquan_score.read import csv_text

HEADER = ["日期", "单位", "标题", "采用渠道"]
WORDS = frozenset(norm(h) for h in HEADER)
ROW = ["2020-10-12", "城关镇", "秋收进度", "市级"]


def lines(*records: list[str], sep: str = ",") -> str:
    return "".join(sep.join(r) + "\r\n" for r in records)


def read(tmp_path, data: bytes, name: str = "台账.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return csv_text.read_csv(path, WORDS)


def values(sheet) -> list[list]:
    return sheet.cells.astype(object).where(sheet.cells.notna(), None).values.tolist()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("台账".encode(), "UTF-8"),
        (codecs.BOM_UTF8 + "台账".encode(), "UTF-8（带BOM）"),
        ("台账".encode("utf-16"), "UTF-16（Unicode 文本）"),
        ("台账".encode("gbk"), "GB18030"),
        (b"plain ascii", "UTF-8"),
    ],
)
def test_decode_names_the_encoding_it_read(data, encoding):
    assert csv_text.decode(data, "a.csv") == (
        "台账" if b"plain" not in data else "plain ascii",
        encoding,
    )


def test_gb18030_reads_what_gbk_cannot_hold():
    assert csv_text.decode("㐀台账".encode("gb18030"), "a.csv") == ("㐀台账", "GB18030")


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01binary",
        codecs.BOM_UTF16_LE + b"\x00\xd8",  # a lone surrogate
        codecs.BOM_UTF8 + "台账".encode("gbk"),  # says UTF-8, is not
    ],
)
def test_undecodable_files_are_refused(data):
    with pytest.raises(InputError) as exc:
        csv_text.decode(data, "甲.csv")
    assert str(exc.value) == (
        "甲.csv 的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030），"
        "请用 Excel/WPS 另存为 .xlsx 或 CSV（UTF-8）再放入"
    )


def test_a_few_stray_bytes_in_utf8_are_named_never_guessed():
    body = ("日期,单位,标题\r\n" + "2020-10-12,城关镇,秋收进度\r\n" * 3).encode()
    data = body + b"2020-10-13,\xb3\xc7,x\r\n"  # one GBK character pasted into UTF-8
    with pytest.raises(InputError) as exc:
        csv_text.decode(data, "甲.csv")
    assert str(exc.value) == (
        "甲.csv 是 UTF-8 编码，但第5行有不属于 UTF-8 的字节（0xB3、0xC7），程序不猜它原来是什么字；"
        "请用记事本或 Excel/WPS 打开该文件，改正这一行后另存为 CSV（UTF-8）再放入"
    )


def test_many_non_utf8_bytes_mean_gbk():
    text = lines(HEADER, ROW, ROW)
    assert csv_text.decode(text.encode("gbk"), "a.csv") == (text, "GB18030")


@pytest.mark.parametrize(("sep", "name"), [(",", "逗号"), ("\t", "制表符"), (";", "分号")])
def test_the_delimiter_is_the_one_that_splits_the_header(tmp_path, sep, name):
    text = "石泉县2021年一季度信息采用台账\r\n" + lines(HEADER, ROW, sep=sep)
    (sheet,), (notice,) = read(tmp_path, text.encode())
    assert notice == f"台账.csv 按 UTF-8 编码读取，列之间用{name}分隔"
    assert sheet.ragged == name
    assert values(sheet) == [
        ["石泉县2021年一季度信息采用台账", None, None, None],
        HEADER,
        ROW,
    ]
    assert sheet.rows.tolist() == [1, 2, 3]
    assert (sheet.source, sheet.sheet) == ("台账.csv", "")


def test_header_words_beat_a_delimiter_that_merely_splits_as_many(tmp_path):
    # Commas in the title line and the titles split as many records as the tabs do.
    text = "石泉县,2021年,台账\r\n" + lines(
        HEADER, ["2020-10-12", "城关镇", "一,二", "市级"], sep="\t"
    )
    assert csv_text.choose_delimiter(text, WORDS) == "\t"
    assert csv_text.choose_delimiter(text, frozenset()) == ","  # a tie: the first of DELIMITERS


def test_excels_sep_line_is_obeyed_and_hidden_from_the_row_numbers(tmp_path):
    text = "sep=;\r\n" + lines(HEADER, ROW, sep=";")
    (sheet,), (notice,) = read(tmp_path, text.encode())
    assert notice == "台账.csv 按 UTF-8 编码读取，列之间用分号分隔（按文件第一行 sep= 的指定）"
    assert values(sheet) == [HEADER, ROW]
    assert sheet.rows.tolist() == [1, 2]


def test_blank_cells_become_none_and_short_rows_are_padded(tmp_path):
    text = lines(HEADER, ["2020-10-12", "  ", "秋收"], ["", "", "", ""])
    (sheet,), _ = read(tmp_path, text.encode())
    assert values(sheet) == [HEADER, ["2020-10-12", None, "秋收", None], [None] * 4]


@pytest.mark.parametrize("after", [0, 1, 2])
def test_an_unpaired_quote_is_refused_with_its_row(tmp_path, after):
    # Python's csv module would read the rest of the file into that one cell, silently.
    text = lines(HEADER, ROW) + '2020-10-13,城关镇,"没有配对,市级\r\n' + lines(ROW) * after
    with pytest.raises(InputError) as exc:
        read(tmp_path, text.encode())
    assert str(exc.value) == (
        '台账.csv 从第3行起有一个没有配对的英文双引号（"），后面的内容都被当成了一个单元格；'
        "请在 Excel/WPS 中打开改正该行后另存为 CSV 再放入"
    )


def test_an_unpaired_quote_swallowing_more_than_the_field_limit(tmp_path):
    text = lines(HEADER) + '2020-10-13,"没有配对\r\n' + lines(ROW) * 20_000
    with pytest.raises(InputError) as exc:
        read(tmp_path, text.encode())
    assert str(exc.value).startswith("台账.csv 从第2行起有一个没有配对的英文双引号")


def test_quotes_excel_writes_are_read(tmp_path):
    text = lines(HEADER, ["2020-10-12", '"城关镇"', '"一行\r\n两行"', '"说""好"""'])
    (sheet,), _ = read(tmp_path, text.encode())
    assert values(sheet)[1] == ["2020-10-12", "城关镇", "一行\r\n两行", '说"好"']


def test_a_quote_inside_a_cell_is_read_leniently_as_before(tmp_path):
    text = lines(HEADER, ["2020-10-12", '"城关"镇', "秋收", "市级"])
    (sheet,), _ = read(tmp_path, text.encode())
    assert values(sheet)[1] == ["2020-10-12", "城关镇", "秋收", "市级"]


def test_an_empty_file_is_an_empty_sheet(tmp_path):
    (sheet,), _ = read(tmp_path, b"")
    assert sheet.cells.empty and sheet.rows.tolist() == []


cell = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=8
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(cell, min_size=4, max_size=4), max_size=6), st.sampled_from([",", "\t", ";"])
)
def test_any_table_written_by_csv_reads_back_cell_for_cell(tmp_path_factory, body, sep):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=sep).writerows([HEADER, *body])
    path = tmp_path_factory.mktemp("csv") / "台账.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    (sheet,), _ = csv_text.read_csv(path, WORDS)
    expected = [[c if c.strip() else None for c in r] for r in [HEADER, *body]]
    assert values(sheet) == expected
    assert sheet.rows.tolist() == list(range(1, len(expected) + 1))
