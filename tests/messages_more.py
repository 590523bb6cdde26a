"""The exact text of the catalogue's codes that moved there from the modules in round 2
(help, --check-against, the scheme files, periods): merged into test_messages.EXPECTED."""

from __future__ import annotations

# code -> (values, the exact text)
EXPECTED: dict[str, tuple[dict, str]] = {
    "HELP_USAGE": ({}, "用法："),
    "HELP_DESCRIPTION": (
        {},
        "信息采用情况统计：读取收件箱里的台账和上期统计表，按规则文件生成各张统计表（默认：附件1 镇、附件2 部门）。",
    ),
    "HELP_EXAMPLES": (
        {},
        "示例：python convert.py sample_data\n      python convert.py 收件箱 --period 2020Q4 --out 输出\n      python convert.py --template 台账模板.xlsx --period 2021\n      python convert.py 收件箱 --check-against 手工统计表.xlsx",
    ),
    "HELP_ARGUMENTS": ({}, "参数"),
    "HELP_OPTIONS": ({}, "选项"),
    "HELP_INBOX_NAME": ({}, "收件箱"),
    "HELP_INBOX": ({}, "放台账（.xlsx/.xls/.csv）和上期统计表的文件夹"),
    "HELP_FOLDER_NAME": ({}, "文件夹"),
    "HELP_OUT": ({}, "生成的工作簿放在这里（默认：当前目录下的 output）"),
    "HELP_PERIOD_NAME": ({}, "期别"),
    "HELP_PERIOD": (
        {},
        "统计哪一季度，如 2020Q4；不写则按上期表的下一季度，没有上期表时按台账中日期最多的季度",
    ),
    "HELP_TABLES_NAME": ({}, "表"),
    "HELP_TABLES": (
        {},
        "生成哪几张表，如 --tables 部门 或 --tables 镇,部门（也可写附件1、附件2）；不写则生成台账本期有记录或收件箱里有上期表的表",
    ),
    "HELP_FILE_NAME": ({}, "文件"),
    "HELP_RULES": ({}, "计分规则文件（默认：templates/rules.toml）"),
    "HELP_ROSTER": ({}, "单位名单文件（默认：templates/roster.toml）"),
    "HELP_XLSX_NAME": ({}, "文件.xlsx"),
    "HELP_TEMPLATE": (
        {},
        "生成一份空白台账模板后退出，不需要收件箱；年份取 --period（如 2021 或 2021Q1），不写则不限年份",
    ),
    "HELP_CHECK_AGAINST": (
        {},
        "把本次计算的统计表与手工做的统计表逐格核对，不一致之处写入工作簿的“核对”表（核对表不要放进收件箱）",
    ),
    "HELP_NOTICE": (
        {},
        "同时生成通报草稿（Word .docx，与工作簿放在一起；装有 LibreOffice 时另生成 PDF）；文字见 templates/notice.toml",
    ),
    "HELP_DATE_NAME": ({}, "日期"),
    "HELP_DATE": ({}, "通报的成文日期，如 2021-01-15；不写则留【成文日期】待填"),
    "HELP_DOCX_NAME": ({}, "文件.docx"),
    "HELP_NOTICE_TEMPLATE": (
        {},
        "用办公室自己的 Word 模板（含【正文】【附件1】等占位段落），不写则用内置的公文格式",
    ),
    "HELP_NOTICE_RULES": ({}, "通报文字和格式文件（默认：templates/notice.toml）"),
    "HELP_CHART": ({}, "在工作簿每张表旁边加一张累计得分图（上期＋本期）；生成通报时图也放进通报"),
    "HELP_DEBUG": ({}, "出错时显示程序内部信息（给开发人员）"),
    "HELP_HELP": ({}, "显示本说明"),
    "LIST_SEP": ({}, "、"),
}
