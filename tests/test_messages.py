"""The catalogue of messages: every code's exact text, every code used, every call known."""

from __future__ import annotations

import ast
import errno
from pathlib import Path

import pandas as pd
import pytest

from shiquan_score import messages
from shiquan_score.messages import (
    KINDS,
    LEVELS,
    MESSAGES,
    MessageError,
    fields,
    kind,
    level,
    msg,
    msg_each,
)
from tests.messages_more import EXPECTED as MORE

PACKAGE = Path(messages.__file__).parent
CALLS = {"msg", "msg_each", "kind", "level"}
INTERNAL = "错误：程序内部出错，统计没有完成，没有写入任何统计表或问题清单，收件箱和以前生成的文件都没有改动。"

# code -> (values, the exact text). One case per code of the catalogue.
EXPECTED: dict[str, tuple[dict, str]] = {
    "RECORD_DISAGREES": (
        {
            "item": "调研信息“调研一”（农业农村局）",
            "book": "石泉县2021年4-6月信息采用情况统计表.xlsx",
            "recorded": "市级+10",
            "ledger": "没有加分",
            "now": "10",
        },
        "调研信息“调研一”（农业农村局）：上期工作簿 石泉县2021年4-6月信息采用情况统计表.xlsx"
        " 记录此前已计市级+10，台账中此前各期的记录为没有加分；"
        "按上期工作簿扣除（已发布的表计过的才算已计），本期计10分。请核对上期工作簿和台账",
    ),
    "PRIOR_UNCONFIRMED": (
        {
            "item": "调研信息“调研三”（统计局）",
            "ledger": "市级+10",
            "now": "10",
            "unit": "统计局",
            "gap": "13",
        },
        "调研信息“调研三”（统计局）：按台账中此前的记录已计市级+10，本期计10分；"
        "但上期核对显示统计局按台账算得的累计比上期表多 13 分，这条加分上期表可能没有计。"
        "如上期表漏计了，请更正上期表的累计后重新运行",
    ),
    "RECORD_MISSING": (
        {"n": 2, "categories": "调研信息", "item": "调研信息“调研一”（农业农村局）"},
        "上期表是手工做的，没有记录此前各期已计的调研加分：本期有 2 条调研信息计了加分"
        "（如调研信息“调研一”（农业农村局）），无法核对此前是否已计过，逐条见“调研加分”表的“核对”一列；"
        "如已计过，请在台账中补上此前的采用记录后重新运行",
    ),
    "RECORD_UNCHECKED_SCREEN": (
        {
            "n": 2,
            "categories": "调研信息",
            "units": "农业农村局 20 分、财政局 20 分",
            "each": "此前各月",
            "before": "上个月",
        },
        "提示：上期表是手工做的，本期 2 条调研信息的加分无法与此前各月核对"
        "（涉及 农业农村局 20 分、财政局 20 分），如此前已计过就会重复计分。"
        "请把此前各月的台账行一并放进收件箱，或改用本工具上个月生成的统计表作上期表，然后重新运行",
    ),
    "RECORD_UNCHECKED_UNIT": ({"unit": "农业农村局", "points": "20"}, "农业农村局 20 分"),
    "RECORD_UNCHECKED_MORE": ({"n": 7, "points": "140"}, "等，共 7 个单位 140 分"),
    "KEPT_MARK": ({"date": "2026-12-01", "n": 2}, "（2026-12-01 替换前2）"),
    "KEPT_COPY_SKIPPED": (
        {"file": "表（2026-12-01 替换前）.xlsx"},
        "已跳过 表（2026-12-01 替换前）.xlsx：是本工具重新生成统计表时保留的替换前旧版，"
        "已被现行的统计表取代，不作上期表",
    ),
    "KEPT_COPIES_ONLY": (
        {"period": "2021年7-9月", "files": "甲（2026-12-01 替换前）.xlsx"},
        "收件箱里2021年7-9月的统计表只有本工具保留的替换前旧版（甲（2026-12-01 替换前）.xlsx），"
        "旧版已被取代，不能作上期表。请把同一文件夹中文件名不带“替换前”的现行统计表放进收件箱后重新运行",
    ),
    "OWN_PROBLEM_LIST": (
        {"file": "甲_问题清单.xlsx"},
        "已跳过 甲_问题清单.xlsx：是本工具生成的问题清单，不是台账",
    ),
    "OWN_SIDE_CSV": (
        {"file": "甲_明细.csv", "sheet": "明细"},
        "已跳过 甲_明细.csv：是本工具生成的“明细”表（CSV），不是台账",
    ),
    "OWN_AUDIT_SHEET": (
        {"where": "问题清单.xls（问题）", "sheet": "问题"},
        "已跳过 问题清单.xls（问题）：是本工具生成的“问题”表（从统计表或问题清单另存的副本），不是台账",
    ),
    "OWN_OTHER_KIND": (
        {"file": "甲.xlsx", "code": "2021Q1", "kind": "季度", "scheme_kind": "月"},
        "已跳过 甲.xlsx：是本工具按季度统计时生成的（2021Q1），本办法按月统计，不能作上期表",
    ),
    "OWN_MARK_PERIOD": (
        {"file": "甲.xlsx", "value": "2021H3"},
        "甲.xlsx 是本工具生成的工作簿，但文件属性里记下的期别“2021H3”读不出来（可能被改过）："
        "请换成本工具生成的原文件，或把它移出收件箱",
    ),
    "OWN_SHEETS_SKIPPED": (
        {"file": "甲.xlsx", "sheets": "“明细”、“问题”"},
        "甲.xlsx 是本工具生成的工作簿，其中的“明细”、“问题”表是附表，已跳过",
    ),
    "USAGE": (
        {"what": "缺少参数 收件箱"},
        "错误：命令写法不对（缺少参数 收件箱）。查看说明：python convert.py -h",
    ),
    "USAGE_NO_INBOX": ({}, "缺少参数 收件箱"),
    "NOTICE_KEPT": (
        {"name": "表_通报.docx", "kept": "表_通报_旧版1.docx"},
        "表_通报.docx 与本次生成的不同（可能已修改过），已改名保留为 表_通报_旧版1.docx",
    ),
    "NOTICE_NO_SOFFICE": (
        {},
        "未找到 LibreOffice（soffice），没有生成通报的 PDF；需要时用 Word/WPS 另存为 PDF",
    ),
    "NOTICE_PDF_FAILED": (
        {"name": "表_通报.docx"},
        "LibreOffice 没能把 表_通报.docx 转成 PDF，需要时用 Word/WPS 另存为 PDF",
    ),
    "NOTICE_TEMPLATE_NOT_FOUND": (
        {"path": "D:/模板/通报模板.docx"},
        "找不到通报模板 D:/模板/通报模板.docx，请确认 --notice-template 后面写的路径和文件名",
    ),
    "NOTICE_TEMPLATE_UNREADABLE": (
        {"file": "模板.doc"},
        "通报模板 模板.doc 打不开：请用 Word/WPS 另存为 .docx 后再用",
    ),
    "NOTICE_TEMPLATE_MISSING": (
        {"file": "模板.docx", "missing": "【正文】、【附件2】"},
        "通报模板 模板.docx 里没有【正文】、【附件2】这样的一段（单独一行）：程序要在那里填入内容。"
        "请在模板中加上，或不用 --notice-template 改用内置格式",
    ),
    "NOTICE_CLOSE_FIRST": (
        {"name": "表_通报.docx"},
        "请先关闭 Word/WPS 中打开的 表_通报.docx，再重新运行",
    ),
    "NOTICE_ENABLED": (
        {"file": "notice.toml", "value": "'是'"},
        "notice.toml 的“enabled”应为 true 或 false，现为 '是'",
    ),
    "USAGE_MISSING": ({"names": "收件箱"}, "缺少参数 收件箱"),
    "USAGE_UNKNOWN": ({"args": "--x y"}, "不认识的参数：--x y"),
    "USAGE_NEEDS_VALUE": ({"option": "--period"}, "--period 后面要跟一个值"),
    "USAGE_NO_VALUE": ({"option": "--debug", "value": "1"}, "--debug 后面不能跟值，却写了“1”"),
    "USAGE_AMBIGUOUS": (
        {"option": "--r", "matches": "--rules、--roster"},
        "--r 不完整，可能是 --rules、--roster 中的任何一个，请写全",
    ),
    "USAGE_BAD_DATE": ({"value": "明天"}, "--date 的“明天”不是日期，请写成 2021-01-15 这样的格式"),
    "USAGE_OTHER": ({}, "请对照说明检查各个选项的写法"),
    "ERROR_LINE": ({"message": "找不到文件夹 甲"}, "错误：找不到文件夹 甲"),
    "INTERNAL": (
        {"log": "输出/错误日志_20261201-093000.txt"},
        INTERNAL
        + "详细情况已写入 输出/错误日志_20261201-093000.txt，请把这个文件发给维护程序的人员",
    ),
    "INTERNAL_NO_LOG": (
        {"out": "输出"},
        INTERNAL + "详细情况本应写入 输出，但该文件夹无法写入；请换一个 --out 文件夹重新运行，"
        "或加 --debug 运行后把屏幕上的内容发给维护程序的人员",
    ),
    "INTERNAL_LOG_HEAD": (
        {"time": "2026-12-01 09:30:00", "argv": "收件箱 --out 输出"},
        "信息采用统计 程序内部错误记录\n时间：2026-12-01 09:30:00\n命令：收件箱 --out 输出\n",
    ),
    "RUN_ACCOUNT": (
        {
            "period": "2020年10-12月",
            "read": 516,
            "scored": 512,
            "out": 3,
            "duplicate": 1,
            "problem": 0,
            "not_records": "",
        },
        "期别：2020年10-12月。台账共 516 行 = 计分 512 + 不在本期 3 + 重复 1 + 有问题 0",
    ),
    "NOT_RECORDS": ({"parts": "合计行 2、落款行 1"}, "（其中合计行 2、落款行 1，不计分）"),
    "NOT_RECORD_COUNT": ({"label": "合计行", "n": 2, "unit": " 行"}, "合计行 2 行"),
    "COUNT_TOTAL_ROWS": ({}, "合计行"),
    "COUNT_FOOTER_ROWS": ({}, "落款行"),
    "COUNT_HIDDEN_SHEET_ROWS": ({}, "隐藏工作表中的行"),
    "RUN_ERRORS": (
        {"n": 3, "file": "输出/表_问题清单.xlsx"},
        "发现 3 处错误，未生成统计表。问题清单：输出/表_问题清单.xlsx",
    ),
    "RUN_ERROR_ROW": (
        {"where": "台账.csv", "row": 2, "message": "单位为空，请补上报送单位"},
        "  台账.csv 第2行：单位为空，请补上报送单位",
    ),
    "RUN_ERRORS_MORE": ({"n": 5}, "  ……另有 5 处，见问题清单"),
    "RUN_NOTES": ({"n": 2}, "有 2 条提示，请在工作簿的“问题”表中核对"),
    "RUN_WRITTEN": ({"file": "输出/表.xlsx"}, "已生成：输出/表.xlsx"),
    "NOTICE_WRITTEN": ({"file": "输出/通报.docx"}, "已生成通报草稿：输出/通报.docx"),
    "NOTICE_PDF_WRITTEN": ({"file": "输出/通报.pdf"}, "已生成通报 PDF：输出/通报.pdf"),
    "TEMPLATE_YEAR": ({"year": 2021}, "2021年"),
    "TEMPLATE_ANY_YEAR": ({}, "不限年份"),
    "TEMPLATE_WRITTEN": (
        {"scope": "2021年", "file": "台账模板.xlsx"},
        "已生成台账模板（2021年）：台账模板.xlsx",
    ),
    "TEMPLATE_ONLY": ({}, "只生成了台账模板，没有统计；要统计请去掉 --template 再运行"),
    "SHEET_ACCOUNT": (
        {
            "period": "2020年10-12月",
            "read": 10,
            "scored": 6,
            "out": 1,
            "duplicate": 1,
            "problem": 2,
            "not_records": "（其中合计行 1 行，不计分）",
        },
        "2020年10-12月：台账共读取 10 行 = 计分 6 行 + 不在本期 1 行 + 重复 1 行 + 有问题 2 行"
        "（其中合计行 1 行，不计分）",
    ),
    "SHEET_ERRORS": ({"n": 2}, "有 2 处错误（级别为“错误”），改正台账后重新运行才会生成统计表。"),
    "SHEET_NO_ERRORS": ({}, "没有错误。“未计分”的行按规则不计分；“提示”请核对。"),
    "SKIPPED_FILE": (
        {"file": "说明.txt", "why": "不是表格文件（.xlsx/.xls/.csv）"},
        "已跳过 说明.txt：不是表格文件（.xlsx/.xls/.csv）",
    ),
    "AUDIT_SHEETS_SKIPPED": (
        {"file": "上期.xlsx", "sheets": "“明细”、“问题”"},
        "上期.xlsx 中的“明细”、“问题”表是统计表的附表，已跳过",
    ),
    "MERGED_DOWN_FILLED": (
        {"where": "台账.xlsx（Sheet1）", "n": 2},
        "台账.xlsx（Sheet1） 有 2 处上下合并的单元格，已把合并的值填入所合并的每一行",
    ),
    "FILES_REFUSED": (
        {"n": 2, "lines": "\n  1. 甲.xlsx 是空文件\n  2. 乙.xls 是空文件"},
        "收件箱里有 2 个文件不能使用，请逐个处理后重新运行：\n  1. 甲.xlsx 是空文件\n  2. 乙.xls 是空文件",
    ),
    "FILES_REFUSED_LINE": ({"n": 1, "why": "甲.xlsx 是空文件"}, "\n  1. 甲.xlsx 是空文件"),
    "NO_LEDGER": (
        {"folder": "收件箱"},
        "文件夹 收件箱 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）",
    ),
    "LEDGER_EMPTY": (
        {"names": "台账.xlsx（Sheet1）"},
        "台账 台账.xlsx（Sheet1） 只有表头，没有采用记录，请先填写台账",
    ),
    "PERIOD_BAD": ({"text": "2020-4"}, "期别“2020-4”写法不对，请写成年份加季度，如 2020Q4"),
    "OUT_IN_INBOX": (
        {"out": "收件箱/输出"},
        "输出文件夹 收件箱/输出 在收件箱里：下次运行会把生成的表当成台账或上期表读入。"
        "请用 --out 指定收件箱以外的文件夹",
    ),
    "STALE_WORKBOOK": (
        {"file": "输出/表.xlsx"},
        "注意：输出/表.xlsx 是以前生成的，不是按本次台账生成的；改正问题之前请勿使用",
    ),
    "STALE_PROBLEMS_REMOVED": (
        {"file": "表_问题清单.xlsx"},
        "已删除上次的问题清单 表_问题清单.xlsx（问题已改正）",
    ),
    "EARLIER_MONTHS": ({"year": 2021, "last": 3}, "2021年1-3月"),
    "EARLIER_MONTH_ONE": ({"year": 2021}, "2021年1月"),
    "PREVIOUS_MORE": (
        {"unit": "财政局", "months": "2021年1-3月", "ours": "1.67", "theirs": "1.5", "gap": "0.17"},
        "财政局：按台账中2021年1-3月的记录算得累计 1.67 分，上期表为 1.5 分"
        "（台账比上期表多 0.17 分）。本期仍按上期表计算；如上期表有误，请更正后重新运行",
    ),
    "PREVIOUS_LESS": (
        {"unit": "财政局", "months": "2021年1-3月", "ours": "1", "theirs": "1.5", "gap": "0.5"},
        "财政局：按台账中2021年1-3月的记录算得累计 1 分，上期表为 1.5 分"
        "（台账比上期表少 0.5 分）。本期仍按上期表计算；如上期表有误，请更正后重新运行",
    ),
    "CROSSCHECK_SKIPPED": (
        {"months": "2021年1-3月", "n": 1},
        "上期核对：台账中2021年1-3月只有 1 行，算不出上期表的累计（不是全年的台账），没有核对；"
        "这些行已列入“问题”表",
    ),
    "LATE_ROW_ONE": ({"day": "2021-03-30"}, "日期2021-03-30"),
    "LATE_ROWS": ({"first": 5, "last": 7, "n": 3}, "第5行至第7行（共3行）的日期"),
    "LATE_ROW_WHAT": (
        {"quarter": "2021年1-3月", "period": "2021年4-6月", "earlier": "前几季度"},
        "在已发布的2021年1-3月内：本期（2021年4-6月）不计分；台账没有记全前几季度，"
        "是否已计入上期表无法核对。如上期漏计了，请更正上期表的累计后重新运行；"
        "如日期记错了，请改正台账后重新运行",
    ),
    "CROSSCHECK_UNSCORABLE": (
        {"months": "2021年1-3月", "n": 2},
        "（2021年1-3月另有 2 处无法计分的记录，未计入）",
    ),
    "CROSSCHECK_AGREES": (
        {"months": "2021年1-3月", "extra": ""},
        "上期核对：按台账中2021年1-3月的记录算得的累计与上期表一致",
    ),
    "CROSSCHECK_DIFFERS": (
        {"months": "2021年1-3月", "n": 1, "extra": ""},
        "上期核对：按台账中2021年1-3月的记录算得的累计与上期表有 1 个单位不同，"
        "已列入“问题”表（本期仍按上期表计算）",
    ),
    "CHECK_MISSING": ({"path": "手工表.xlsx"}, "找不到核对表 手工表.xlsx，请确认路径"),
    "CHECK_IN_INBOX": (
        {"file": "手工表.xlsx"},
        "核对表 手工表.xlsx 在收件箱里，会被当作上期表读取；请把它移到收件箱以外，再运行",
    ),
    "CHECK_NO_TABLE": (
        {"file": "手工表.xlsx", "titles": "“甲”、“乙”"},
        "核对表 手工表.xlsx 里没有找到统计表（标题应为 “甲”、“乙”），请确认文件",
    ),
    "CHECK_TWO_TABLES": (
        {
            "file": "手工表.xlsx",
            "attachment": "附件2",
            "first": "手工表.xlsx（表1）",
            "second": "手工表.xlsx（表2）",
        },
        "核对表 手工表.xlsx 里有两份附件2：手工表.xlsx（表1） 和 手工表.xlsx（表2），请只留一份",
    ),
    "CHECK_DIFFERS": ({"n": 3}, "3 处不一致"),
    "CHECK_AGREES": ({}, "全部一致"),
    "CHECK_TABLE": (
        {"attachment": "附件2", "key": "部门", "n": 40, "verdict": "全部一致"},
        "附件2（部门）：40 个单位逐格比较，全部一致",
    ),
    "CHECK_TABLE_ABSENT": (
        {"attachment": "附件1", "key": "镇"},
        "核对表中没有附件1（镇），该表未核对",
    ),
    "CHECK_HEAD": (
        {"file": "手工表.xlsx"},
        "核对：本次计算的统计表与 手工表.xlsx 逐格比较（以本次计算为准，核对表只作对照）",
    ),
    "CHECK_YEAR": ({"year": 2019}, "2019年"),
    "CHECK_OTHER_PERIOD": (
        {"where": "手工表.xlsx（附件2）", "shown": "2020年7-9月", "period": "2020年10-12月"},
        "核对表 手工表.xlsx（附件2） 是2020年7-9月的，本次统计的是2020年10-12月，"
        "请换用同一期的核对表，或用 --period 指定期别",
    ),
    "CHECK_COLUMN_UNMATCHED": (
        {"attachment": "附件2", "column": "备用"},
        "附件2的“备用”列对不上统计表的任何一列，未核对",
    ),
    "CHECK_COLUMN_LACKING": (
        {"attachment": "附件2", "column": "国家级"},
        "附件2缺少“国家级”列，该列未核对",
    ),
    "CHECK_SUMMARY_HEAD": ({"file": "手工表.xlsx"}, "核对 手工表.xlsx："),
    "CHECK_SUMMARY_LINE": ({"line": "全部一致"}, "  全部一致"),
    "CHECK_SUMMARY_DIFF": (
        {
            "table": "附件2",
            "unit": "财政局",
            "column": "本期",
            "theirs": "2",
            "ours": "1.5",
            "cause": "条数不同",
            "detail": "见明细",
        },
        "  附件2 财政局 本期：核对表 2，程序 1.5（条数不同：见明细）",
    ),
    "CHECK_SUMMARY_MORE": ({"n": 4, "sheet": "核对"}, "  ……另有 4 处，见工作簿的“核对”表"),
    "CHECK_SUMMARY_SEE": ({"sheet": "核对"}, "  详见工作簿的“核对”表"),
    "CHECK_EMPTY_CELL": ({}, "（空）"),
    "WORKBOOK_UNREADABLE": (
        {"file": "台账.xlsx"},
        "台账.xlsx 无法按 Excel 工作簿读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入",
    ),
    "SHEET_UNREADABLE": (
        {"file": "台账.xlsx", "sheet": "Sheet1"},
        "台账.xlsx 的工作表“Sheet1”无法读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入",
    ),
    "SCHEME_SYNTAX_AT": (
        {"file": "rules.toml", "line": 3, "column": 7},
        "rules.toml 格式有误：第3行第7列附近写法不对。请对照 templates/ 中的原文件修改",
    ),
    "SCHEME_SYNTAX": (
        {"file": "rules.toml"},
        "rules.toml 格式有误：文件末尾不完整。请对照 templates/ 中的原文件修改",
    ),
    "CANNOT_WRITE": (
        {"target": "输出/表.xlsx", "reason": "磁盘已满"},
        "无法写入 输出/表.xlsx：磁盘已满",
    ),
    "CANNOT_MAKE_FOLDER": (
        {"folder": "输出", "reason": "没有权限"},
        "无法创建输出文件夹 输出：没有权限",
    ),
    "OS_PERMISSION": ({}, "没有权限"),
    "OS_NOT_FOUND": ({}, "路径不存在"),
    "OS_EXISTS": ({}, "已有同名的文件"),
    "OS_NOT_DIR": ({}, "路径中有一段是文件，不是文件夹"),
    "OS_IS_DIR": ({}, "这是一个文件夹"),
    "OS_DISK_FULL": ({}, "磁盘已满"),
    "OS_OTHER": ({}, "系统拒绝了这次操作"),
    # the scheme files (issue 12)
    "SCHEME_UNKNOWN_KEY_NEAR": (
        {"where": "rules.toml [[category]] 第3项", "key": "best_off", "near": "best_of"},
        "rules.toml [[category]] 第3项：不认识的项“best_off”，是不是“best_of”？",
    ),
    "SCHEME_UNKNOWN_KEY": (
        {"where": "rules.toml [remarks]", "key": "zzz", "valid": "text"},
        "rules.toml [remarks]：不认识的项“zzz”。这里可以写的项：text",
    ),
    "SCHEME_ONE_TABLE": (
        {"file": "rules.toml", "key": "remarks"},
        "rules.toml 的“remarks”应写成 [remarks]（一项），不是 [[remarks]]",
    ),
    "SCHEME_NOT_TABLE": (
        {"owner": "rules.toml ", "key": "remarks", "value": "1"},
        "rules.toml 的“remarks”应写成表，现为 1",
    ),
    "SCHEME_NOT_LIST": (
        {
            "owner": "roster.toml [[unit]] 第15项 ",
            "key": "former",
            "here": "[[unit]] 第15项 former",
        },
        "roster.toml [[unit]] 第15项 的“former”应写成可以有多项的列表（[[unit]] 第15项 former）",
    ),
    "SCHEME_ENTRY_NOT_TABLE": (
        {"file": "rules.toml", "label": "[scoring].weights 第1项", "value": "'新闻'"},
        "rules.toml [scoring].weights 第1项 应写成 { 名称 = 值, … } 的形式，现为 '新闻'",
    ),
    "SCHEME_WRONG_KIND": (
        {"owner": "rules.toml [layout] ", "key": "first_row", "kind": "整数", "value": "4.5"},
        "rules.toml [layout] 的“first_row”应为整数，现为 4.5",
    ),
    "SCHEME_BRACES": (
        {"where": "rules.toml [layout] output_name"},
        "rules.toml [layout] output_name：“{”和“}”没有配对。要印出大括号本身，请写成“{{”或“}}”",
    ),
    "SCHEME_PLACEHOLDER_SPEC": (
        {"where": "rules.toml [layout] output_name", "shown": "{year:04d}", "plain": "{year}"},
        "rules.toml [layout] output_name：占位符“{year:04d}”只能写成“{year}”",
    ),
    "SCHEME_PLACEHOLDER_MISSING": (
        {
            "where": "rules.toml [[table]] 第1项 title",
            "name": "{year}",
            "why": "程序靠标题里的年份认出上期表",
        },
        "rules.toml [[table]] 第1项 title：缺少占位符“{year}”（程序靠标题里的年份认出上期表）",
    ),
    "SCHEME_WHY_TITLE_YEAR": ({}, "程序靠标题里的年份认出上期表"),
    "SCHEME_PROBLEMS": (
        {"n": 2, "lines": "\n  1. 甲\n  2. 乙"},
        "以下 2 处写法要改，请逐处改正后重新运行：\n  1. 甲\n  2. 乙",
    ),
    "SCHEME_PROBLEM_LINE": ({"n": 1, "why": "甲"}, "\n  1. 甲"),
    "SCHEME_PLAIN_TEXT": (
        {"where": "rules.toml [[table]] 第1项 sheet", "name": "{months}"},
        "rules.toml [[table]] 第1项 sheet：这一项原样印出，不能用占位符“{months}”；请删去或改成具体文字",
    ),
    "SCHEME_PLACEHOLDER_NOT_HERE": (
        {
            "where": "rules.toml [[table]] 第1项 title",
            "name": "{months}",
            "allowed": "{county}、{year}",
        },
        "rules.toml [[table]] 第1项 title：这里不能用占位符“{months}”，可以用的只有：{county}、{year}",
    ),
    "SCHEME_PLACEHOLDER_UNKNOWN_NEAR": (
        {
            "where": "rules.toml [[table]] 第1项 title",
            "name": "{yaer}",
            "near": "{year}",
            "allowed": "{county}、{year}",
        },
        "rules.toml [[table]] 第1项 title：不认识的占位符“{yaer}”，是不是“{year}”？这里可以用：{county}、{year}",
    ),
    "SCHEME_PLACEHOLDER_UNKNOWN": (
        {
            "where": "rules.toml [layout] output_name",
            "name": "{}",
            "allowed": "{county}、{year}、{months}",
        },
        "rules.toml [layout] output_name：不认识的占位符“{}”，这里可以用：{county}、{year}、{months}",
    ),
    "SCHEME_HEADER_ROWS": (
        {"where": "rules.toml", "most": 6, "value": "0"},
        "rules.toml [layout] 的“header_rows”应为1到6的整数（表头的行数），现为 0",
    ),
    "SCHEME_FIRST_ROW": (
        {"where": "rules.toml", "least": 4, "most": 20, "value": "0"},
        "rules.toml [layout] 的“first_row”应为4到20的整数（表头从第几行开始；第1至3行是“附件”行和标题），现为 0",
    ),
    "SCHEME_HEADER_DEPTH": (
        {"label": "rules.toml 表“镇” 第15列", "rows": 4},
        "rules.toml 表“镇” 第15列 的表头应有1到4行文字（表头行数由 [layout] header_rows = 4 规定）",
    ),
    "SCHEME_PERIOD": (
        {"where": "rules.toml", "value": "'week'"},
        "rules.toml 的“period”应为 month（按月）、quarter（按季度）、half（按半年）、year（按年）之一，现为 'week'",
    ),
    "SCHEME_CLASSES": (
        {"place": "rules.toml [[table]] 第1项", "value": "['一类单位', '一类单位']"},
        "rules.toml [[table]] 第1项 的“classes”每个单位类别写一次，不能为空，现为 ['一类单位', '一类单位']",
    ),
    "SCHEME_BLOCK_CLASS": (
        {
            "where": "roster.toml",
            "unit": "乙局",
            "shown": "没有写 class",
            "table": "单位",
            "classes": "一类单位、二类单位",
        },
        "roster.toml 单位“乙局”没有写 class：表“单位”分类排名，每个计分单位的 class 应为 一类单位、二类单位 之一",
    ),
    "SCHEME_NO_CLASS": ({}, "没有写 class"),
    "SCHEME_JOINT": (
        {"place": "rules.toml [scoring]", "choices": "split（平分）", "value": "'half'"},
        "rules.toml [scoring] 的“joint”应为 split（平分） 之一，现为 'half'",
    ),
    "SCHEME_JOINT_POINTS": (
        {"place": "rules.toml [scoring]", "value": "None"},
        'rules.toml [scoring] 写了 joint = "fixed"，还要写 joint_points（每个单位计几分，大于0的数字），现为 None',
    ),
    "SCHEME_JOINT_POINTS_UNUSED": (
        {"place": "rules.toml [scoring]"},
        'rules.toml [scoring] 的“joint_points”只在 joint = "fixed" 时有用，请删去或改 joint',
    ),
    "SCHEME_FLOOR": (
        {"place": "rules.toml [scoring]", "choices": "current（本期不低于0）", "value": "'zero'"},
        "rules.toml [scoring] 的“floor”应为 current（本期不低于0） 之一，现为 'zero'",
    ),
    "SCHEME_POINTS": (
        {"label": "rules.toml weights 第4项", "value": "'一'", "hint": ""},
        "rules.toml weights 第4项 的分值应为不小于0的数字，现为 '一'",
    ),
    "SCHEME_DEDUCTION_ELSEWHERE": ({}, "（扣分请写在 deduction = true 的类别里）"),
    "SCHEME_DEDUCTION_POINTS": (
        {"label": "rules.toml weights 第5项", "category": "扣分", "value": "10"},
        "rules.toml weights 第5项 的类别“扣分”是扣分（deduction = true），分值应为负数，如 -10，现为 10",
    ),
    "SCHEME_DEDUCTION_BEST_OF": (
        {"where": "rules.toml", "category": "扣分"},
        "rules.toml 类别“扣分”是扣分（deduction = true），不能写 best_of（每条扣分都扣）",
    ),
    "SCHEME_CLASS_UNKNOWN": (
        {"where": "rules.toml", "klass": "特类", "roster": "roster.toml", "named": "一类单位"},
        "rules.toml weights 中的单位类别“特类”不是 roster.toml 里任何单位的 class（一类单位）",
    ),
    "SCHEME_NO_CLASSES": ({}, "名单中没有写 class 的单位"),
    "SCHEME_CLASS_WEIGHT_MISSING": (
        {"where": "rules.toml", "pair": "新闻·批示", "given": "一类单位", "who": "二类单位"},
        "rules.toml weights 中“新闻·批示”只给了 一类单位 的分值，二类单位没有分值：请补上，或加一项不写 class 的分值",
    ),
    "SCHEME_UNIT_WITHOUT_CLASS": ({}, "没有写 class 的单位"),
    "PERIOD_FORM": (
        {"text": "2021Q1", "kind": "月份", "example": "2021-03 或 2021M03"},
        "期别“2021Q1”写法不对：本办法按月份统计，请写成 2021-03 或 2021M03",
    ),
    "PERIOD_NUMBER": (
        {"text": "2021-13", "number": 13, "kind": "月份", "example": "2021-03 或 2021M03"},
        "期别“2021-13”写法不对：没有第13个月份，请写成 2021-03 或 2021M03",
    ),
    "RULE_DEDUCTION": (
        {"category": "扣分", "channel": "约稿未报送", "points": "10"},
        "扣分：“约稿未报送”扣10分",
    ),
    "RULE_JOINT_EACH": ({"units": 2, "score": "3"}, "；2个单位联合报送，按规则每个单位各计3分"),
    "CLOSE_FIRST": ({"file": "表.xlsx"}, "请先关闭 Excel/WPS 中打开的 表.xlsx，再重新运行"),
    "OUT_NOT_WRITABLE": (
        {"folder": "输出", "reason": "没有权限"},
        "无法在输出文件夹 输出 中写入文件（没有权限），请用 --out 换一个文件夹，或检查该文件夹的权限",
    ),
    "OUT_BUSY": (
        {"folder": "输出", "lock": ".~信息采用统计正在写入.lock"},
        "另一次运行正在向输出文件夹 输出 写入结果，等了一分钟仍未结束；请等它结束后再运行。"
        "如果并没有其他运行，请删除该文件夹中的 .~信息采用统计正在写入.lock 后重新运行",
    ),
    "KEPT_EARLIER": (
        {"file": "表.xlsx", "kept": "表（2021-10-11 替换前）.xlsx"},
        "以前生成的 表.xlsx 与本次结果不同，已改名保留为 表（2021-10-11 替换前）.xlsx（可能已经发出，请核对）",
    ),
    "KEEP_NO_NAME": (
        {"target": "输出/表.xlsx"},
        "无法为以前生成的 输出/表.xlsx 找到一个保留用的新名字，请先整理输出文件夹",
    ),
    "CSV_READ": (
        {"file": "台账.csv", "encoding": "GB18030", "delimiter": "逗号"},
        "台账.csv 按 GB18030 编码读取，列之间用逗号分隔",
    ),
    "CSV_READ_SEP_LINE": (
        {"file": "台账.csv", "encoding": "UTF-8", "delimiter": "分号"},
        "台账.csv 按 UTF-8 编码读取，列之间用分号分隔（按文件第一行 sep= 的指定）",
    ),
    "CSV_STRAY_BYTES": (
        {"file": "台账.csv", "lines": "第4行", "values": "0xA3"},
        "台账.csv 是 UTF-8 编码，但第4行有不属于 UTF-8 的字节（0xA3），程序不猜它原来是什么字；"
        "请用记事本或 Excel/WPS 打开该文件，改正这一行后另存为 CSV（UTF-8）再放入",
    ),
    "CSV_UNPAIRED_QUOTE": (
        {"file": "台账.csv", "line": 3},
        '台账.csv 从第3行起有一个没有配对的英文双引号（"），后面的内容都被当成了一个单元格；'
        "请在 Excel/WPS 中打开改正该行后另存为 CSV 再放入",
    ),
    "CSV_EXTRA_FIELDS": (
        {"fields": 7, "extra": 1, "delimiter": "逗号"},
        "这一行有 7 列，比表头多 1 列（可能是标题等文字里有作分隔用的逗号），后面的内容都错了位，"
        "未计分；请在 Excel/WPS 中打开改正这一行，或把含逗号的文字用英文双引号括起来",
    ),
    "SKIP_NOT_REGULAR": ({}, "不是普通文件（可能是管道或设备），不读取"),
    "SKIP_WPS_ET": ({}, "是 WPS 表格文件（.et），请在 WPS 中“另存为” .xlsx 再放入"),
    "NOT_A_LEDGER": (
        {"where": "台账.xlsx（说明）", "rows": 12},
        "台账.xlsx（说明） 的前 12 行里没有台账表头（一行或上下两行里写着“日期、单位、标题、采用渠道”），"
        "也不是上期统计表，已跳过",
    ),
    "HIDDEN_SHEET_SKIPPED": (
        {"file": "台账.xlsx", "sheet": "名单"},
        "台账.xlsx 的工作表“名单”是隐藏的，已跳过",
    ),
    "PERIOD_YEAR": (
        {
            "text": "0000M01",
            "year": 0,
            "first": 1900,
            "last": 2100,
            "kind": "月份",
            "example": "2021-03 或 2021M03",
        },
        "期别“0000M01”的年份 0 不合理，请写 1900—2100 年之间的月份，如 2021-03 或 2021M03",
    ),
    "DATE_YEAR": (
        {"value": "3020-10-12", "first": 1900, "last": 2100},
        "日期“3020-10-12”的年份不合理（应在 1900—2100 年之间），请改正采用日期",
    ),
    "EXCEL_ERROR": (
        {"column": "单位", "value": "#N/A"},
        "单位一格是 Excel 的错误值“#N/A”（公式出错，或引用的单元格已删除），请在 Excel 中改正该格",
    ),
    "NO_ROWS_IN_PERIOD": (
        {"label": "1999年1-3月", "code": "1999Q1", "facts": "台账各季度行数：2021年1-3月 3 行"},
        "台账里没有1999年1-3月（1999Q1）的行，按 --period 计算只会得到全是0的表，未生成；"
        "台账各季度行数：2021年1-3月 3 行。请检查 --period 是否写错",
    ),
    "FOOTER_REASON": ({}, "落款行（制表人、审核等），不是采用记录，未计分"),
    "EXTRA_FIELDS_REASON": ({}, "列数比表头多，内容错位，未计分"),
    "HIDDEN_SHEET_REASON": ({}, "在隐藏的工作表中，未计分"),
    "HIDDEN_SHEET_ROWS": (
        {"first": 2, "last": 9, "n": 8},
        "该工作表是隐藏的，其中第2行至第9行共 8 行台账未计分；"
        "如要计分，请在 Excel/WPS 中取消隐藏该工作表（或把这些行复制到台账中）后重新运行",
    ),
    "TOTAL_ROW": ({}, "合计行，不是采用记录，未计分"),
    "HIDDEN_ROW": ({}, "该行在 Excel 中被隐藏，已照常计分，请确认"),
    "REPEATED_IN_CELL": (
        {"parts": "财政局"},
        "同一格里“财政局”写了两次，只计一次；如是笔误请改正台账",
    ),
    "OUT_OF_PERIOD": ({"period": "2020年10-12月"}, "不在本期（2020年10-12月）"),
    "OUT_OF_PERIOD_RUN": (
        {"period": "2020年10-12月", "first": 5, "last": 9, "n": 5},
        "不在本期（2020年10-12月）：第5行至第9行，共5行",
    ),
    "DATE_BLANK": ({}, "日期为空，无法判断属于哪一期，请补上采用日期"),
    "DATE_AMBIGUOUS": (
        {"value": "10/12"},
        "日期“10/12”有歧义（月和日分不清），请写成 2020-10-12 或 2020年10月12日",
    ),
    "DATE_BAD": (
        {"value": "某日"},
        "日期“某日”无法识别，请写成 2020-10-12 或 2020年10月12日",
    ),
    "NO_TITLE": ({}, "标题为空，无法判断是否同一条信息，请补上标题"),
    "DUPLICATE_OF": (
        {"origin": "第4行"},
        "与第4行重复（单位、标题、渠道相同），只计一次",
    ),
    "ROW_HERE": ({"row": 4}, "第4行"),
    "ROW_THERE": ({"where": "台账.xlsx（Sheet1）", "row": 4}, "台账.xlsx（Sheet1） 第4行"),
    "NO_UNIT": ({}, "单位为空，请补上报送单位"),
    "UNIT_ONLY_SEPARATORS": ({"value": "/"}, "单位“/”里没有单位名称，请补上报送单位"),
    "UNKNOWN_UNIT": (
        {"value": "教体局", "hint": "最接近的是：教体科技局。", "roster": "roster.toml"},
        "单位“教体局”不在单位名单中，最接近的是：教体科技局。"
        "请改正台账，或在 roster.toml 中为该单位加入别名",
    ),
    "NEAREST_UNITS": ({"names": "教体科技局、科技局"}, "最接近的是：教体科技局、科技局。"),
    "NO_NEAREST_UNIT": ({}, "也没有相近的名称。"),
    "NO_CHANNEL": ({}, "采用渠道为空，请补上采用渠道"),
    "CHANNEL_ONLY_SEPARATORS": (
        {"value": "、"},
        "采用渠道“、”里没有渠道名称，请补上采用渠道",
    ),
    "UNKNOWN_CHANNEL": (
        {"value": "公众号", "known": "部门动态、各镇快讯", "rules": "rules.toml"},
        "采用渠道“公众号”无法识别。可用的渠道有：部门动态、各镇快讯。"
        "请改正台账，或在 rules.toml 的 [[channel]] 中加入别名",
    ),
    "UNKNOWN_CATEGORY": (
        {"value": "其他", "known": "新闻动态、政务动态", "rules": "rules.toml"},
        "类别“其他”无法识别。可用的类别有：新闻动态、政务动态。"
        "请改正台账，或在 rules.toml 的 [[category]] 中加入别名",
    ),
    "NO_CATEGORY": (
        {"channels": "市级"},
        "类别为空，渠道“市级”不能说明是哪一类信息，请在台账中填写类别",
    ),
    "NO_WEIGHT": (
        {"category": "新闻动态", "channel": "省级"},
        "类别“新闻动态”没有“省级”这一采用渠道的分值，请核对类别或渠道",
    ),
    "NO_COLUMN": (
        {"unit": "城关镇", "table": "附件2", "channel": "部门动态"},
        "城关镇属于“附件2”表，表中没有“部门动态”一栏，请核对渠道",
    ),
    "FLOORED": (
        {"unit": "甲局", "column": "累计", "value": "-8", "floor": "total"},
        '甲局累计为-8分，按规则（[scoring] floor = "total"）累计不低于0，表中记为0分',
    ),
    "LEFT_OUT": (
        {"units": "城关镇", "tables": "附件1（镇）", "made": "附件2（部门）"},
        "城关镇属于附件1（镇），本次只生成附件2（部门），未计分",
    ),
    "LEFT_OUT_ROWS": (
        {"tables": "附件1（镇）", "n": 3, "made": "附件2（部门）", "kind": "不在本次的表"},
        "台账中有 3 行是附件1（镇）的记录，本次只生成附件2（部门），这 3 行未计分（计入“有问题”），"
        "逐行见“问题”表中问题为“不在本次的表”的行",
    ),
    "LEFT_OUT_PART_ROWS": (
        {"tables": "附件1（镇）", "n": 2, "made": "附件2（部门）", "kind": "不在本次的表"},
        "台账中有 2 行联合报送的记录含附件1（镇）的单位，本次只生成附件2（部门），这些单位的部分未计分，"
        "逐行见“问题”表中问题为“不在本次的表”的行",
    ),
    "LEFT_OUT_PART": (
        {"units": "城关镇", "tables": "附件1（镇）", "made": "附件2（部门）"},
        "城关镇属于附件1（镇），本次只生成附件2（部门），这部分未计分",
    ),
    "NOTE_WITHOUT_UNIT": (
        {"note": "省市暂未反馈"},
        "备注表有备注“省市暂未反馈”但没有写单位，请补上单位",
    ),
    "NOTE_UNKNOWN_UNIT": (
        {"unit": "教体局", "hint": "最接近的是：教体科技局"},
        "备注表的单位“教体局”不在单位名单中，最接近的是：教体科技局。请改正备注表",
    ),
    "NOTE_NEAREST": ({"names": "教体科技局"}, "最接近的是：教体科技局"),
    "NOTE_NO_NEAREST": ({}, "也没有相近的名称"),
    "NOTE_NOT_PRINTED": (
        {"unit": "财政局", "note": "省市暂未反馈"},
        "财政局本期有调研信息采用，备注“省市暂未反馈”没有印在表中（采用条数优先）",
    ),
    "FILE_EMPTY": (
        {"name": "台账.xlsx"},
        "台账.xlsx 是空文件，请确认是否保存了台账",
    ),
    "FILE_HTML": (
        {"name": "台账.xlsx"},
        "台账.xlsx 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    "FILE_XML2003": (
        {"name": "台账.xlsx"},
        "台账.xlsx 实际是 Excel 2003 XML 表格，不是 .xlsx/.xls 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    "FILE_PASSWORD": (
        {"name": "台账.xlsx"},
        "台账.xlsx 设置了打开密码，程序无法读取，请在 Excel/WPS 中取消密码后另存再放入",
    ),
    "FILE_CORRUPT": (
        {"kind": "xlsx", "name": "台账.xlsx"},
        "台账.xlsx 文件已损坏或不完整（无法按 xlsx 打开），请重新保存或重新复制该文件",
    ),
    "FILE_NOT_WORKBOOK": (
        {"name": "台账.xlsx"},
        "台账.xlsx 是压缩包或其他 Office 文档，不是 Excel 工作簿，无法读取",
    ),
    "FILE_XLSB": (
        {"name": "台账.xlsx"},
        "台账.xlsx 是 Excel 二进制工作簿（.xlsb），请用 Excel/WPS “另存为” .xlsx 再放入",
    ),
    "FILE_BOMB_TOTAL": (
        {"limit": 500, "name": "台账.xlsx"},
        "台账.xlsx 解压后超过 500 MB，疑似压缩炸弹，已拒绝",
    ),
    "FILE_BOMB_RATIO": (
        {"member": "xl/a.xml", "name": "台账.xlsx", "ratio": 300},
        "台账.xlsx 的内部文件 xl/a.xml 压缩比达到 300:1，疑似压缩炸弹，已拒绝",
    ),
    "FILE_BOMB_LIE": (
        {"member": "xl/a.xml", "name": "台账.xlsx"},
        "台账.xlsx 的内部文件 xl/a.xml 解压后比声明的大，疑似压缩炸弹，已拒绝",
    ),
    "FILE_ENTITY": (
        {"name": "台账.xlsx"},
        "台账.xlsx 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝",
    ),
    "FILE_EXTENT_DECLARED": (
        {"name": "台账.xlsx", "ref": "XFD1048576", "sheet": "台账"},
        "台账.xlsx 的工作表“台账”声明的范围达到 XFD1048576，远超台账所需，疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    ),
    "FILE_EXTENT_CELLS": (
        {"name": "台账.xlsx", "ref": "XFD1048576", "sheet": "台账"},
        "台账.xlsx 的工作表“台账”有单元格位于 XFD1048576，范围远超台账所需，疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    ),
    "FILE_LONG_TEXT": (
        {"name": "台账.xlsx", "sheet": "台账"},
        "台账.xlsx 的工作表“台账”有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    ),
    "FILE_LONG_TEXT_SHARED": (
        {"name": "台账.xlsx"},
        "台账.xlsx 有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    ),
    "FILE_STRUCTURE": (
        {"name": "台账.xlsx", "what": "内部文件过多"},
        "台账.xlsx 内部结构异常（内部文件过多），疑似恶意或损坏文件，已拒绝；请用 Excel/WPS 打开后另存为新文件再放入",
    ),
    "FILE_NOT_EXCEL": (
        {"name": "台账.xlsx"},
        "台账.xlsx 不是 Excel 或 CSV 文件，无法读取",
    ),
    "FILE_PLAIN_TEXT": (
        {"name": "台账.xlsx"},
        "台账.xlsx 是纯文本，没有用逗号或制表符分隔的列，不是台账表格，无法读取",
    ),
    "FILE_ENCODING": (
        {"name": "台账.xlsx"},
        "台账.xlsx 的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030），请用 Excel/WPS 另存为 .xlsx 或 CSV（UTF-8）再放入",
    ),
    "FILE_TOO_BIG": (
        {"limit": 500, "name": "台账.xlsx", "size": 9},
        "台账.xlsx 有 9 MB，超过 500 MB 的上限，已拒绝；请确认是否放错了文件",
    ),
    "FILE_UNREADABLE": (
        {"name": "台账.xlsx"},
        "台账.xlsx 无法打开，可能正被其他程序占用或没有读取权限",
    ),
    "STRUCTURE_MEMBERS": ({}, "内部文件过多"),
    "STRUCTURE_DUPLICATE": ({}, "有重名的内部文件"),
    "STRUCTURE_ENCRYPTED": ({}, "内部文件被加密"),
    "STRUCTURE_METHOD": ({}, "使用了不支持的压缩方式"),
    "STRUCTURE_UTF16": ({}, "内部文件不是 UTF-8 编码"),
    "STRUCTURE_PART": ({}, "工作簿目录过大"),
    "STRUCTURE_SST": ({}, "共享字符串数量不合理"),
    "STRUCTURE_UNKNOWN": ({}, "无法识别"),
    "INBOX_MISSING": (
        {"folder": "收件箱"},
        "找不到文件夹 收件箱，请确认路径",
    ),
    "SKIP_FOLDER": (
        {},
        "是文件夹，不读取其中的文件",
    ),
    "SKIP_TEMP": (
        {},
        "是 Excel/WPS 打开文件时留下的临时文件",
    ),
    "SKIP_HIDDEN": (
        {},
        "是隐藏文件",
    ),
    "SKIP_NOT_A_TABLE": (
        {},
        "不是表格文件（.xlsx/.xls/.csv）",
    ),
    "SHEET_EMPTY": (
        {"file": "台账.xlsx", "sheet": "Sheet2"},
        "台账.xlsx 的工作表“Sheet2”是空的，已跳过",
    ),
    "SHEETS_ALL_EMPTY": (
        {"file": "台账.xlsx"},
        "台账.xlsx 里的工作表都是空的，没有任何内容，请确认是否保存了台账",
    ),
    "HEADER_MISSING": (
        {"where": "台账.xlsx 的工作表“一季度”", "row": 2, "columns": "标题、采用渠道"},
        "台账.xlsx 的工作表“一季度” 第2行像是台账表头，但缺少“标题、采用渠道”列；请补上该列，或在规则文件 [ledger].columns 中加入该表头的写法",
    ),
    "NOTES_COLUMNS": (
        {"where": "台账.xlsx 的工作表“备注”"},
        "台账.xlsx 的工作表“备注” 应有“单位”和“备注”两列，请按台账模板填写备注表",
    ),
    "DELIM_COMMA": (
        {},
        "逗号",
    ),
    "DELIM_TAB": (
        {},
        "制表符",
    ),
    "DELIM_SEMICOLON": (
        {},
        "分号",
    ),
    "ENCODING_UTF16": (
        {},
        "UTF-16（Unicode 文本）",
    ),
    "ENCODING_UTF8_BOM": (
        {},
        "UTF-8（带BOM）",
    ),
    "SHEET_TOO_MANY_ROWS": (
        {"sheet": "明细", "rows": 1048576, "limit": 1048575},
        "“明细”有 1048576 行，超过 Excel 一个工作表的上限 1048575 行",
    ),
    "CELL_TOO_LONG": (
        {"sheet": "明细", "column": "标题", "limit": 32767},
        "“明细”的“标题”列有超过 32767 个字符的内容，超过 Excel 单元格上限",
    ),
    "SHEET_AS_CSV": (
        {"rows": 300001, "limit": 300000, "file": "表_明细.csv"},
        "共 300001 行，超过 300000 行，完整内容另存为 表_明细.csv（与本工作簿在同一文件夹，可用 Excel 打开）",
    ),
    "RULE_ADOPTED": (
        {"category": "动态信息", "channel": "省级", "points": "10"},
        "动态信息被“省级”采用计10分",
    ),
    "RULE_JOINT_SPLIT": (
        {"units": 3, "score": "3.33"},
        "；3个单位联合报送，各得3.33分",
    ),
    "RESEARCH_BEST": (
        {"category": "调研信息", "tier": "省级+30"},
        "调研信息同一信息多次采用，以最高分记：省级+30",
    ),
    "RESEARCH_OTHERS": (
        {"others": "市级+20，县级+10"},
        "，市级+20，县级+10不重复计分",
    ),
    "RESEARCH_PRIOR": (
        {"channel": "市级", "prior": "20", "awarded": "10"},
        "；此前各期已计市级+20，本期计10分",
    ),
    "PREV_NO_TOTAL": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "column": "累计",
            "found": "合计分",
            "rules": "rules.toml",
            "table": "部门",
        },
        "上期表 上期表.xlsx 的工作表“Sheet1” 里找不到“累计”一列（没有认出的表头：合计分）。请把该列表头改为“累计”，或在 rules.toml “部门”表“累计”一列的 aliases 中加入它的写法",
    ),
    "PREV_NONE_FOUND": (
        {},
        "无",
    ),
    "PREV_UNCALCULATED": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "row": 5},
        "上期表 上期表.xlsx 的工作表“Sheet1” 第5行的累计是公式，但文件里没有保存计算结果；请用 Excel/WPS 打开该文件、保存后再放入",
    ),
    "PREV_NOT_NUMBER": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "row": 5, "value": "十"},
        "上期表 上期表.xlsx 的工作表“Sheet1” 第5行的累计分“十”不是数字，请改正上期表",
    ),
    "PREV_UNIT_TWICE": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "first": 5, "row": 9, "name": "财政局"},
        "上期表 上期表.xlsx 的工作表“Sheet1” 第5行和第9行都是“财政局”，请删去重复的一行",
    ),
    "PREV_MERGED": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "first": 5,
            "first_name": "教体局",
            "row": 9,
            "name": "科技局",
            "unit": "教体科技局",
            "before": "10",
            "number": "2.5",
            "sum": "12.5",
        },
        "上期表 上期表.xlsx 的工作表“Sheet1” 第5行“教体局”和第9行“科技局”都是单位名单中的教体科技局，上期累计相加：10 + 2.5 = 12.5",
    ),
    "PREV_MISSING_UNITS": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "units": "财政局、民政局"},
        "上期表 上期表.xlsx 的工作表“Sheet1” 缺少单位：财政局、民政局。请补上这些单位的行（上期累计为0的写0），或确认放入的是完整的上期表",
    ),
    "PREV_TOTAL_ROW": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "row": 30, "name": "合计"},
        "上期表 上期表.xlsx 的工作表“Sheet1” 第30行“合计”是合计行，不是单位，已跳过",
    ),
    "PREV_NO_NEAREST": (
        {},
        "单位名单中没有相近的名称",
    ),
    "PREV_UNKNOWN_PART": (
        {"row": 7, "name": "教体局", "hint": "最接近的是：教体科技局"},
        "第7行“教体局”（最接近的是：教体科技局）",
    ),
    "PREV_UNKNOWN_UNITS": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "parts": "第7行“教体局”（最接近的是：教体科技局）",
            "roster": "roster.toml",
            "example": "教体局",
        },
        '上期表 上期表.xlsx 的工作表“Sheet1” 中有单位名单里没有的单位：第7行“教体局”（最接近的是：教体科技局）。请改正上期表，或在 roster.toml 中为该单位加入别名；如果是单位更名，请在 roster.toml 新名称的单位下写 former = [{ name = "教体局", until = 更名日期 }]，累计分不断',
    ),
    "PREV_NO_MONTHS": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "months": "7-9月"},
        "上期表 上期表.xlsx 的工作表“Sheet1” 的表头里找不到月份（如“7-9月采用情况”），无法确认是哪一期",
    ),
    "PREV_IS_THIS_PERIOD": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "period": "2021年10-12月",
            "expected": "2021年7-9月",
            "attachment": "附件2",
        },
        "上期表.xlsx 的工作表“Sheet1” 是本期（2021年10-12月）的统计表，不是上期的；请把它移出收件箱，放入2021年7-9月的附件2",
    ),
    "PREV_LATER": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "got": "2022年1-3月",
            "period": "2021年10-12月",
            "expected": "2021年7-9月",
            "attachment": "附件2",
        },
        "上期表 上期表.xlsx 的工作表“Sheet1” 是2022年1-3月的，晚于本期2021年10-12月；请确认期别（--period），或放入2021年7-9月的附件2",
    ),
    "PREV_GAP": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "got": "2021年4-6月",
            "period": "2021年10-12月",
            "expected": "2021年7-9月",
            "attachment": "附件2",
        },
        "上期表 上期表.xlsx 的工作表“Sheet1” 是2021年4-6月的，本期是2021年10-12月，应放入2021年7-9月的附件2（隔期会漏算分数）",
    ),
    "PREV_TITLE_GUESSED": (
        {
            "where": "上期表.xlsx 的工作表“Sheet1”",
            "title": "石泉县2021年信息采用情况统计表",
            "attachment": "附件2",
            "table": "部门",
        },
        "上期表.xlsx 的工作表“Sheet1” 的标题“石泉县2021年信息采用情况统计表”没有写明是哪张表，按表中的单位认作附件2（部门）",
    ),
    "PREV_NO_NAME_HEADER": (
        {"where": "上期表.xlsx 的工作表“Sheet1”"},
        "上期表.xlsx 的工作表“Sheet1” 像是统计表，但找不到“单位名称”表头，请使用正式表格格式",
    ),
    "PREV_IGNORED_NOT_MADE": (
        {"where": "上期表.xlsx 的工作表“Sheet1”", "attachment": "附件1", "table": "镇"},
        "已忽略上期表 上期表.xlsx 的工作表“Sheet1”：本次不生成附件1（镇）",
    ),
    "PREV_IGNORED_OPENING": (
        {"opening": "一季度", "where": "上期表.xlsx 的工作表“Sheet1”"},
        "本期是一季度，累计从0开始，已忽略上期表 上期表.xlsx 的工作表“Sheet1”",
    ),
    "PREV_TWO_TABLES": (
        {"attachment": "附件2", "first": "甲.xlsx", "second": "乙.xlsx"},
        "收件箱里有两份附件2的上期表：甲.xlsx 和 乙.xlsx，请只保留一份",
    ),
    "PREV_USED": (
        {"attachment": "附件2", "where": "上期表.xlsx 的工作表“Sheet1”"},
        "附件2上期累计取自：上期表.xlsx 的工作表“Sheet1”",
    ),
    "PREV_MISSING_INSTEAD": (
        {"attachment": "附件1", "others": "部门"},
        "；如果本单位不发附件1，请用 --tables 部门 只生成其余的表",
    ),
    "PREV_MISSING": (
        {
            "named": "附件1（镇）",
            "attachments": "附件1",
            "before": "2021年7-9月",
            "later": "二季度以后",
            "before_word": "上季度",
            "instead": "",
        },
        "收件箱里没有附件1（镇）的上期表（2021年7-9月）。二季度以后需要上期累计分：请把上季度发布的附件1放入收件箱",
    ),
    "PREV_MISSING_SEVERAL": (
        {
            "named": "附件1（镇）、附件2（部门）",
            "attachments": "附件1、附件2",
            "before": "2021年7-9月",
            "later": "二至四季度",
            "before_word": "上季度",
            "instead": "",
        },
        "收件箱里没有附件1（镇）、附件2（部门）的上期表（2021年7-9月）。二至四季度需要上期累计分："
        "请把上季度发布的附件1、附件2都放入收件箱",
    ),
    "TABLES_EMPTY": (
        {},
        "（空）",
    ),
    "TABLES_UNKNOWN": (
        {"text": "乡镇", "unknown": "乡镇", "valid": "镇（附件1）、部门（附件2）"},
        "--tables “乡镇”中有不认识的表：乡镇；可用的有：镇（附件1）、部门（附件2）",
    ),
    "TABLE_NAMED": (
        {"table": "镇", "attachment": "附件1"},
        "镇（附件1）",
    ),
    "ATTACHMENT_NAMED": (
        {"attachment": "附件1", "table": "镇"},
        "附件1（镇）",
    ),
    "PREV_IGNORED_OLDER": (
        {"where": "上期.xlsx", "got": "2021年4-6月", "use": "2021年7-9月"},
        "已忽略较早的上期表 上期.xlsx（2021年4-6月），用2021年7-9月的",
    ),
    "PREV_IGNORED_THIS_PERIOD": (
        {"where": "本期.xlsx（附件1（镇））", "period": "2021年7-9月", "use": "2021年4-6月"},
        "已忽略 本期.xlsx（附件1（镇））：它是本期（2021年7-9月）的统计表"
        "（例如本工具早先为本期生成的），上期累计用2021年4-6月的",
    ),
    "TABLES_REQUESTED": (
        {"names": "附件2（部门）"},
        "本次生成：附件2（部门）（按 --tables 指定）",
    ),
    "TABLE_ROWS_PROBLEMS": (
        {"attachment": "附件1", "table": "镇", "n": 2},
        "附件1（镇）：台账中镇的记录有 2 行有问题（逐行见问题清单），本期没有一行镇的记录能计分，"
        "收件箱里也没有它的上期表，本次不生成这张表；改正这些行后重新运行即会生成",
    ),
    "NO_ROW_SCORABLE_ALL": (
        {"read": 3},
        "台账共读取 3 行，都有问题（逐行见问题清单），没有一行能计分，本次不生成统计表；"
        "请改正这些行后重新运行",
    ),
    "NO_ROW_SCORABLE": (
        {"read": 5, "problem": 3},
        "台账共读取 5 行，其中 3 行有问题（逐行见问题清单），本期没有一行能计分，本次不生成统计表；"
        "请改正这些行后重新运行",
    ),
    "TABLE_NOT_MADE": (
        {"attachment": "附件1", "table": "镇"},
        "附件1（镇）：台账中本期没有镇的采用记录，收件箱里也没有它的上期表，本次不生成这张表",
    ),
    "ROWS_UNTIL": (
        {"month": 10, "day": 8},
        "（只到10月8日）",
    ),
    "ROWS_OF_PERIOD": (
        {"label": "10-12月", "n": 3, "tail": "（只到10月8日）"},
        "10-12月 3 行（只到10月8日）",
    ),
    "ROWS_PER_PERIOD": (
        {"noun": "季度", "parts": "2021年7-9月 100 行、10-12月 3 行（只到10月8日）"},
        "台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
    ),
    "PERIOD_REQUESTED": (
        {"label": "2021年10-12月", "code": "2021Q4"},
        "本期：2021年10-12月（2021Q4），按 --period 指定",
    ),
    "PERIOD_NO_DATES": (
        {"example": "2020Q4"},
        "台账里没有一行能识别的日期，无法判断期别，请用 --period 指定，如 --period 2020Q4",
    ),
    "PERIOD_NO_PREVIOUS": (
        {},
        "收件箱里没有上期表",
    ),
    "PERIOD_PREVIOUS_LAST_YEAR": (
        {},
        "上期表是上一年的",
    ),
    "PERIOD_LAST_COMPLETE": (
        {"noun": "季度"},
        "台账中已记完整的最后一个季度",
    ),
    "PERIOD_BUSIEST": (
        {"noun": "季度"},
        "台账中行数最多的季度",
    ),
    "PERIOD_CHOSEN": (
        {
            "label": "2021年7-9月",
            "code": "2021Q3",
            "ground": "收件箱里没有上期表",
            "how": "台账中已记完整的最后一个季度",
            "facts": "台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
        },
        "本期：2021年7-9月（2021Q3）。依据：收件箱里没有上期表，取台账中已记完整的最后一个季度；台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
    ),
    "PERIOD_CONFLICT": (
        {"names": "上期.xlsx", "last": "2021年7-9月", "implied": "2021年10-12月"},
        "无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但",
    ),
    "PERIOD_FIX_PREVIOUS": (
        {"label": "2021年10-12月"},
        "请换入2021年10-12月的统计表",
    ),
    "PERIOD_FIX_OPENING": (
        {"code": "2022Q1", "opening": "一季度"},
        "请用 --period 2022Q1（一季度不需要上期表）",
    ),
    "PERIOD_LATER_ROWS": (
        {
            "start": "无法确定本期：上期表 上期.xlsx 是2021年1-3月的，据此本期应是2021年4-6月；但",
            "late": "2021年10-12月",
            "implied": "2021年4-6月",
            "noun": "季度",
            "facts": "台账各季度行数：2021年1-3月 5 行、10-12月 1 行（只到10月12日）",
            "wanted": "2021年7-9月",
            "wanted_suggestion": "--period 2021Q3（还要把上期表 上期.xlsx 换成2021年4-6月的）",
            "suggestion": "--period 2021Q2",
        },
        "无法确定本期：上期表 上期.xlsx 是2021年1-3月的，据此本期应是2021年4-6月；但"
        "台账中已有2021年10-12月的行，比2021年4-6月晚两个季度以上"
        "（台账各季度行数：2021年1-3月 5 行、10-12月 1 行（只到10月12日））；"
        "上期表发出时台账只会多出其后几周的行，这些行说明本期不是2021年4-6月，上期表可能放错了。"
        "如果本期是2021年7-9月，请用 --period 2021Q3（还要把上期表 上期.xlsx 换成2021年4-6月的）；"
        "如果本期确是2021年4-6月，请用 --period 2021Q2",
    ),
    "PERIOD_TABLE_IS_THIS": (
        {
            "start": "无法确定本期：上期表 7-9月.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但",
            "last": "2021年7-9月",
            "implied": "2021年10-12月",
            "facts": "台账各季度行数：2021年7-9月 3 行、10-12月 1 行（只到10月12日）",
            "names": "7-9月.xlsx",
            "suggestion": "--period 2021Q3",
            "implied_suggestion": "--period 2021Q4",
        },
        "无法确定本期：上期表 7-9月.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但"
        "台账中2021年7-9月已记完整，2021年10-12月还没有记完整"
        "（台账各季度行数：2021年7-9月 3 行、10-12月 1 行（只到10月12日））。"
        "7-9月.xlsx 像是本期（2021年7-9月）早先生成的统计表"
        "（例如改正台账后重新运行，上次的结果留在了收件箱里）。"
        "如果本期是2021年7-9月，请用 --period 2021Q3；"
        "如果本期确是2021年10-12月（台账已记全），请用 --period 2021Q4",
    ),
    "PERIOD_LATER_COMPLETE": (
        {
            "start": "无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但",
            "wrong": "2022年1-3月",
            "n": 80,
            "month": 3,
            "noun": "季度",
            "facts": "台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
            "fix": "请用 --period 2022Q1（一季度不需要上期表）",
            "implied": "2021年10-12月",
            "suggestion": "--period 2021Q4",
        },
        "无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但台账中2022年1-3月已有 80 行、记到了3月，是完整的一个季度（台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日））。如果本期是2022年1-3月，请用 --period 2022Q1（一季度不需要上期表）；如果本期确是2021年10-12月，请用 --period 2021Q4",
    ),
    "PERIOD_IMPLIED_EMPTY": (
        {
            "start": "无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但",
            "implied": "2021年10-12月",
            "facts": "台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
            "suggestion": "--period 2021Q3",
        },
        "无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；但台账中没有2021年10-12月的行（台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日））。请放入2021年10-12月的台账，或换入正确的上期表，或用 --period 指定期别，如 --period 2021Q3",
    ),
    "PERIOD_SUGGESTED": ({"code": "2021Q2"}, "--period 2021Q2"),
    "PERIOD_SUGGESTED_NEEDS": (
        {"code": "2021Q2", "needs": "放入2021年1-3月的统计表"},
        "--period 2021Q2（还要放入2021年1-3月的统计表）",
    ),
    "NEED_ROWS": ({"label": "2021年1-3月"}, "放入2021年1-3月的台账"),
    "NEED_PREVIOUS": ({"label": "2021年1-3月"}, "放入2021年1-3月的统计表"),
    "NEED_OTHER_PREVIOUS": (
        {"label": "2021年1-3月", "names": "上期.xlsx"},
        "把上期表 上期.xlsx 换成2021年1-3月的",
    ),
    "PERIOD_OTHER_HINT": (
        {"label": "2021年7-9月", "suggestion": "--period 2021Q1", "opening": "一季度"},
        "。本期2021年7-9月是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定，"
        "如 --period 2021Q1（一季度不需要上期表）",
    ),
    "PERIOD_OTHER_HINT_PLAIN": (
        {"label": "2021年7-9月", "opening": "一季度"},
        "。本期2021年7-9月是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定"
        "（一季度不需要上期表，其余各期都要放入上一期的统计表）",
    ),
    "PERIOD_FROM_PREVIOUS": (
        {
            "label": "2021年10-12月",
            "code": "2021Q4",
            "names": "上期.xlsx",
            "last": "2021年7-9月",
            "facts": "台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
        },
        "本期：2021年10-12月（2021Q4）。依据：上期表 上期.xlsx 是2021年7-9月的；台账各季度行数：2021年7-9月 100 行、10-12月 3 行（只到10月8日）",
    ),
}

# The look and the office's wording as data (rules.toml [style]; output/audit.py, tools/template.py).
EXPECTED |= {
    "SCHEME_STYLE_FONT": (
        {"where": "rules.toml", "key": "body", "value": "''"},
        "rules.toml [style] fonts 的“body”应写字体的名称（一行文字，如“仿宋_GB2312”），现为 ''",
    ),
    "SCHEME_STYLE_PAPER": (
        {"where": "rules.toml", "choices": "A4、A3", "value": "'B5'"},
        "rules.toml [style] 的“paper”应为 A4、A3 之一（纸张大小），现为 'B5'",
    ),
    "SCHEME_STYLE_SIZE": (
        {
            "where": "rules.toml",
            "group": "sizes",
            "key": "body",
            "least": 5,
            "most": 72,
            "value": 100,
        },
        "rules.toml [style] sizes 的“body”应为5到72之间的字号（磅），现为 100",
    ),
    "SCHEME_STYLE_HEIGHT": (
        {
            "where": "rules.toml",
            "group": "heights",
            "key": "row",
            "least": 5,
            "most": 409,
            "value": 0,
        },
        "rules.toml [style] heights 的“row”应为5到409之间的行高（磅），现为 0",
    ),
    "SCHEME_STYLE_MARGIN": (
        {
            "where": "rules.toml",
            "group": "margins",
            "key": "left",
            "least": 0,
            "most": 100,
            "value": -1,
        },
        "rules.toml [style] margins 的“left”应为0到100之间的毫米数，现为 -1",
    ),
    "SHEET_DETAIL": ({}, "明细"),
    "SHEET_PROBLEMS": ({}, "问题"),
    "SHEET_CHECK": ({}, "核对"),
    "SHEET_RECORD": ({}, "调研加分"),
    "COL_WHERE": ({}, "来源（文件/工作表）"),
    "COL_ROW": ({}, "行号"),
    "COL_SHARE": ({}, "份额"),
    "COL_POINTS": ({}, "分值"),
    "COL_SCORE": ({}, "得分"),
    "COL_RULE": ({}, "计分说明"),
    "COL_COLUMN": ({}, "列"),
    "COL_VALUE": ({}, "内容"),
    "COL_LEVEL": ({}, "级别"),
    "COL_KIND": ({}, "问题"),
    "COL_MESSAGE": ({}, "说明及处理办法"),
    "DETAIL_PREAMBLE": (
        {
            "sheet": "明细",
            "points": "分值",
            "score": "得分",
            "share": "份额",
            "best": "，调研信息加分只取最高一项",
        },
        "明细：每一条计分的采用一行。联合报送的信息每个单位各占一份；"
        "“分值”是规则分值，“得分”是该单位实得（分值 × 份额，调研信息加分只取最高一项）。",
    ),
    "DETAIL_PREAMBLE_BEST": (
        {"categories": "调研信息、批示"},
        "，调研信息、批示加分只取最高一项",
    ),
    "RECORD_PREAMBLE": (
        {
            "sheet": "调研加分",
            "year": 2021,
            "months": "4-6月",
            "categories": "调研信息",
            "next": "下一季度",
        },
        "调研加分：2021年内到本期（4-6月）为止，每条调研信息已计的最高加分"
        "（同一信息被多次采用的，以最高分记）。下一季度运行时读取本表，只补计差额，不重复计分。",
    ),
    "FIELD_DATE": ({}, "日期"),
    "FIELD_UNIT": ({}, "单位"),
    "FIELD_TITLE": ({}, "标题"),
    "FIELD_CATEGORY": ({}, "类别"),
    "FIELD_CHANNEL": ({}, "采用渠道"),
    "FIELD_REMARK": ({}, "备注"),
}

# The blank ledger's words (tools/template.py).
EXPECTED |= {
    "TEMPLATE_FILE_NAME": ({}, "台账模板.xlsx"),
    "TEMPLATE_NOT_XLSX": (
        {"example": "台账模板.xlsx", "name": "模板.xls"},
        "台账模板的文件名应以 .xlsx 结尾，如 --template 台账模板.xlsx（现为 模板.xls）",
    ),
    "TEMPLATE_BAD_YEAR": ({"text": "明年"}, "年份“明年”写法不对，请写成 2021 或 2021Q1"),
    "TEMPLATE_LEDGER_SHEET": ({}, "台账"),
    "TEMPLATE_GUIDE_SHEET": ({}, "填写说明"),
    "TEMPLATE_LIST_SHEET": ({}, "下拉名单"),
    "TEMPLATE_TITLE": ({"county": "石泉县", "years": "2021年"}, "石泉县2021年政府信息采用台账"),
    "TEMPLATE_WITHIN_YEAR": ({"year": 2021}, "2021年内"),
    "TEMPLATE_BETWEEN_YEARS": ({"first": 2000, "last": 2099}, "2000年至2099年之间"),
    "TEMPLATE_DATE_INPUT": ({"year": 2021}, "填采用日期，如 2021-03-15"),
    "TEMPLATE_DATE_TITLE": ({}, "日期不对"),
    "TEMPLATE_DATE_ERROR": (
        {"within": "2021年内", "year": 2021},
        "请填写2021年内的日期，如 2021-03-15。不要写成文字或只写月份。",
    ),
    "TEMPLATE_NOT_LISTED": ({"column": "单位"}, "单位不在列表中"),
    "TEMPLATE_UNIT_ERROR": (
        {},
        "不在单位名单中。联合报送写多个单位、用“、”隔开时，请点“是”；其他情况请从下拉列表选择，或先把单位加入单位名单。",
    ),
    "TEMPLATE_CATEGORY_ERROR": ({}, "请从下拉列表选择类别；新闻栏目的采用可以不填类别。"),
    "TEMPLATE_CHANNEL_ERROR": (
        {},
        "不在渠道列表中。同一信息被几个渠道采用、用“、”隔开时，请点“是”；其他情况请从下拉列表选择。",
    ),
    "TEMPLATE_NOTE_UNIT_ERROR": ({}, "请从下拉列表选择单位（一行写一个单位）。"),
    "TEMPLATE_NOTE_HINT": (
        {"notes": "“省市暂未反馈”"},
        "常用的备注是“省市暂未反馈”，也可以写其他文字。",
    ),
    "GUIDE_TITLE": (
        {"sheet": "填写说明", "title": "石泉县2021年政府信息采用台账"},
        "石泉县2021年政府信息采用台账 填写说明",
    ),
    "GUIDE_SOURCE": (
        {
            "name": "石泉县政府信息采用计分办法（2020年）",
            "roster": "roster.toml",
            "rules": "rules.toml",
        },
        "本模板按 rules.toml（石泉县政府信息采用计分办法（2020年））和 roster.toml（单位名单）生成。",
    ),
    "GUIDE_RULES": ({}, "计分规则"),
    "GUIDE_ROWS": (
        {"sheet": "台账", "kind": "季度"},
        "在“台账”表中，每一条被采用的信息填一行。不要改动表头文字，不要合并单元格。一年的台账可以记在同一个表里，程序只统计所选的季度。",
    ),
    "GUIDE_DATE": (
        {"column": "“日期”", "example": "2021-03-15"},
        "“日期”：填采用日期，如 2021-03-15",
    ),
    "GUIDE_DATE_YEAR": ({"year": 2021}, "（只能填2021年的日期）"),
    "GUIDE_DATE_REAL": ({}, "。请填真正的日期，不要写成文字。"),
    "GUIDE_UNIT": (
        {"column": "“单位”", "roster": "roster.toml"},
        "“单位”：从下拉列表中选择。两个以上单位联合报送的，写在一个格子里，用“、”隔开（Excel/WPS 会提示不在列表中，点“是”即可），每个单位各得相同的份额。名单里没有的单位，请先加入 roster.toml。",
    ),
    "GUIDE_CATEGORY": (
        {"channels": "部门动态、各镇快讯", "column": "“类别”"},
        "“类别”：从下拉列表中选择。采用渠道为 部门动态、各镇快讯 的可以不填类别。",
    ),
    "GUIDE_CHANNEL": (
        {"column": "“采用渠道”"},
        "“采用渠道”：从下拉列表中选择。同一信息被几个渠道采用的，可以每个渠道填一行（标题相同），也可以写在一个格子里，用“、”隔开。",
    ),
    "GUIDE_DUPLICATES": ({}, "同一单位、同一标题、同一渠道只计一次，重复的行会在“问题”表中列出。"),
    "GUIDE_NOTES": (
        {"category": "调研信息", "note": "省市暂未反馈", "sheet": "备注"},
        "“备注”表：某单位的调研信息省市暂未反馈时，在该表填写单位和“省市暂未反馈”，统计表会在该单位的调研信息格中印出这句话。",
    ),
    "GUIDE_NOTES_ANY": (
        {"category": "调研信息", "sheet": "备注"},
        "“备注”表：需要在统计表中说明某单位的调研信息时，在该表填写单位和备注，统计表会在该单位的调研信息格中印出这句话。",
    ),
    "GUIDE_RENAMED": ({}, "单位更名后，新旧名称都可以用，累计分不断；统计表印出该期使用的名称。"),
    "GUIDE_RUN": ({}, "填好后把本文件放进收件箱文件夹，运行：python convert.py 收件箱文件夹。"),
    "GUIDE_REMARKS": ({}, "计分规则（印在统计表下方的备注）："),
    "CHART_TITLE": (
        {"attachment": "附件2", "total": "累计", "previous": "上期", "current": "本期"},
        "附件2　累计得分（上期＋本期）",
    ),
    "SHEET_ROWS_UNIT": ({}, " 行"),
}

# kind code -> the 问题 column's label
EXPECTED_KINDS: dict[str, str] = {
    "RECORD_DISAGREES": "加分记录不一致",
    "RECORD_MISSING": "加分无法核对",
    "PRIOR_UNCONFIRMED": "加分可能未计",
    "TOTAL_ROW": "合计行",
    "HIDDEN_ROW": "隐藏行",
    "REPEATED": "重复",
    "OUT_OF_PERIOD": "不在本期",
    "BAD_DATE": "日期有误",
    "NO_TITLE": "标题为空",
    "NO_UNIT": "单位为空",
    "UNKNOWN_UNIT": "单位不在名单中",
    "NO_CHANNEL": "渠道为空",
    "UNKNOWN_CHANNEL": "渠道无法识别",
    "UNKNOWN_CATEGORY": "类别无法识别",
    "NO_CATEGORY": "类别为空",
    "NO_WEIGHT": "类别与渠道不符",
    "NO_COLUMN": "该表没有此栏",
    "NOTE_NOT_PRINTED": "备注未印出",
    "PREVIOUS_DIFFERS": "上期核对",
    "LATE_ROW": "上期补记",
    "FOOTER_ROW": "落款行",
    "EXTRA_FIELDS": "列数不对",
    "HIDDEN_SHEET": "隐藏工作表",
    "EXCEL_ERROR_VALUE": "错误值",
    "FLOORED": "扣分到0为止",
    "OUTSIDE_TABLES": "不在本次的表",
}
EXPECTED_LEVELS = {"ERROR": "错误", "NOT_SCORED": "未计分", "INFO": "提示"}
assert not set(EXPECTED) & set(MORE), "a code's text is written in one place only"
EXPECTED |= MORE


def test_every_code_has_its_exact_text_here():
    assert set(EXPECTED) == set(MESSAGES)
    assert set(EXPECTED_KINDS) == set(KINDS)
    assert EXPECTED_LEVELS == LEVELS
    assert [level(code) for code in LEVELS] == ["错误", "未计分", "提示"]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_message_text(code):
    values, text = EXPECTED[code]
    assert msg(code, **values) == text
    text.encode("gbk")  # a Chinese Windows console shows it


@pytest.mark.parametrize("code", sorted(EXPECTED_KINDS))
def test_kind_label(code):
    assert kind(code) == EXPECTED_KINDS[code]


def test_a_missing_or_extra_value_is_an_error():
    with pytest.raises(MessageError, match=r"missing \['what'\]"):
        msg("USAGE")
    with pytest.raises(MessageError, match=r"unexpected \['extra'\]"):
        msg("USAGE", what="x", extra="y")
    with pytest.raises(MessageError, match="unknown message code 'NO_SUCH'"):
        msg("NO_SUCH")
    with pytest.raises(MessageError, match="unknown problem kind"):
        kind("NO_SUCH")


def test_msg_each_builds_one_text_per_row_like_msg():
    files = pd.Series(["甲.xlsx", "乙.xlsx"], index=[3, 7])
    got = msg_each("SHEET_UNREADABLE", file=files, sheet="表1")
    assert list(got.index) == [3, 7]
    assert list(got) == [msg("SHEET_UNREADABLE", file=f, sheet="表1") for f in files]
    with pytest.raises(MessageError):
        msg_each("SHEET_UNREADABLE", file=files)


def test_os_reasons():
    assert messages.os_reason(PermissionError()) == "没有权限"
    assert messages.os_reason(NotADirectoryError()) == "路径中有一段是文件，不是文件夹"
    assert messages.os_reason(OSError(errno.ENOSPC, "No space left")) == "磁盘已满"
    assert messages.os_reason(OSError(errno.EIO, "I/O error")) == "系统拒绝了这次操作"


def test_fields():
    assert fields("{a}和{b:.2f}，{a}") == {"a", "b"}


def _package_trees():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _catalogue_keys(tree: ast.Module) -> set[int]:
    """ids of the key nodes of the MESSAGES and KINDS dicts themselves (not uses)."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(
                isinstance(t, ast.Name) and t.id in {"MESSAGES", "KINDS", "LEVELS"} for t in targets
            ):
                keys |= {id(k) for k in getattr(node.value, "keys", [])}
    return keys


def test_every_call_names_a_known_code_and_every_code_is_used():
    used: set[str] = set()
    for path, tree in _package_trees():
        skip = _catalogue_keys(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
            ):
                used.add(node.value)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                code = node.args[0].value
                known = {"kind": KINDS, "level": LEVELS}.get(node.func.id, MESSAGES)
                assert code in known, f"{path.name}:{node.lineno} names unknown code {code!r}"
    assert set(MESSAGES) - used == set(), "codes in the catalogue that no module uses"
    assert set(KINDS) - used == set(), "problem kinds that no module uses"


def test_listing_joins_with_the_chinese_list_mark():
    assert messages.listing(["甲", "乙", "丙"]) == "甲、乙、丙"
    assert messages.listing(iter(["甲"])) == "甲"
    assert messages.listing([]) == ""
