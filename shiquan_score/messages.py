"""Every message the program says in its own words: a stable code → one Chinese template.

    msg("USAGE", what="缺少参数 收件箱")       one line of text
    msg_each("OUT_OF_PERIOD_RUN", ...)          one text per row, the values being columns

A template's placeholders are `{name}` (a format spec such as `{n:.2f}` is allowed in msg()).
Calling with a missing or an extra value is an error of the program (MessageError), never a
half-filled line for the clerk; tests/test_messages.py holds the exact text of every code, and
checks that every code is used and every call names a known code.

Problem kinds (the 问题 column of the 问题 sheet) are codes too: KINDS gives each its label,
so the logic tests codes ("TOTAL_ROW"), never the Chinese a clerk reads ("合计行").

Wording that belongs to a county's scheme (table words, 备注 text, column headers) is data in
templates/, not here. No pandas at import: cli.py imports this module.
"""

from __future__ import annotations

import functools
from string import Formatter
from typing import Any

MESSAGES: dict[str, str] = {
    # --- the command line (cli.py) ---
    "USAGE": "错误：命令写法不对（{what}）。查看说明：python convert.py -h",
    "USAGE_NO_INBOX": "缺少参数 收件箱",
    "USAGE_MISSING": "缺少参数 {names}",
    "USAGE_UNKNOWN": "不认识的参数：{args}",
    "USAGE_NEEDS_VALUE": "{option} 后面要跟一个值",
    "USAGE_NO_VALUE": "{option} 后面不能跟值，却写了“{value}”",
    "USAGE_AMBIGUOUS": "{option} 不完整，可能是 {matches} 中的任何一个，请写全",
    "USAGE_BAD_DATE": "--date 的“{value}”不是日期，请写成 2021-01-15 这样的格式",
    "USAGE_OTHER": "请对照说明检查各个选项的写法",
    # --- the command line's help (arguments.py) ---
    "HELP_USAGE": "用法：",
    "HELP_DESCRIPTION": (
        "信息采用情况统计：读取收件箱里的台账和上期统计表，按规则文件生成各张统计表"
        "（默认：附件1 镇、附件2 部门）。"
    ),
    "HELP_EXAMPLES": (
        "示例：python convert.py sample_data\n      python convert.py 收件箱 --period 2020Q4 --out 输出"
        "\n      python convert.py --template 台账模板.xlsx --period 2021"
        "\n      python convert.py 收件箱 --check-against 手工统计表.xlsx"
    ),
    "HELP_ARGUMENTS": "参数",
    "HELP_OPTIONS": "选项",
    "HELP_INBOX_NAME": "收件箱",
    "HELP_INBOX": "放台账（.xlsx/.xls/.csv）和上期统计表的文件夹",
    "HELP_FOLDER_NAME": "文件夹",
    "HELP_OUT": "生成的工作簿放在这里（默认：当前目录下的 output）",
    "HELP_PERIOD_NAME": "期别",
    "HELP_PERIOD": (
        "统计哪一季度，如 2020Q4；不写则按上期表的下一季度；没有上期表时，"
        "按台账中记完整（记到了该季度最后一个月）的最后一个季度，都不完整时取行数最多的季度"
        "。按月、半年或年统计的办法（rules.toml 的 period），期别写作 2021-03、2021H1 或 2021，以上的“季度”相应换成月、半年或年"
    ),
    "HELP_TABLES_NAME": "表",
    "HELP_TABLES": (
        "生成哪几张表，如 --tables 部门 或 --tables 镇,部门（也可写附件1、附件2）；"
        "不写则生成台账本期有记录或收件箱里有上期表的表"
    ),
    "HELP_FILE_NAME": "文件",
    "HELP_RULES": "计分规则文件（默认：templates/rules.toml）",
    "HELP_ROSTER": "单位名单文件（默认：templates/roster.toml）",
    "HELP_XLSX_NAME": "文件.xlsx",
    "HELP_TEMPLATE": (
        "生成一份空白台账模板后退出，不需要收件箱；"
        "年份取 --period（如 2021 或 2021Q1），不写则不限年份"
    ),
    "HELP_CHECK_AGAINST": (
        "把本次计算的统计表与手工做的统计表逐格核对，不一致之处写入工作簿的“核对”表"
        "（核对表不要放进收件箱）"
    ),
    "HELP_NOTICE": (
        "同时生成通报草稿（Word .docx，与工作簿放在一起；装有 LibreOffice 时另生成 PDF）；"
        "文字见 templates/notice.toml"
    ),
    "HELP_DATE_NAME": "日期",
    "HELP_DATE": "通报的成文日期，如 2021-01-15；不写则留【成文日期】待填",
    "HELP_DOCX_NAME": "文件.docx",
    "HELP_NOTICE_TEMPLATE": (
        "用办公室自己的 Word 模板（含【正文】【附件1】等占位段落），不写则用内置的公文格式"
    ),
    "HELP_NOTICE_RULES": "通报文字和格式文件（默认：templates/notice.toml）",
    "HELP_CHART": "在工作簿每张表旁边加一张累计得分图（上期＋本期）；生成通报时图也放进通报",
    "HELP_DEBUG": "出错时显示程序内部信息（给开发人员）",
    "HELP_HELP": "显示本说明",
    "LIST_SEP": "、",
    "ERROR_LINE": "错误：{message}",
    "INTERNAL": (
        "错误：程序内部出错，统计没有完成，没有写入任何统计表或问题清单，收件箱和以前生成的文件都没有改动。"
        "详细情况已写入 {log}，请把这个文件发给维护程序的人员"
    ),
    "INTERNAL_NO_LOG": (
        "错误：程序内部出错，统计没有完成，没有写入任何统计表或问题清单，收件箱和以前生成的文件都没有改动。"
        "详细情况本应写入 {out}，但该文件夹无法写入；请换一个 --out 文件夹重新运行，"
        "或加 --debug 运行后把屏幕上的内容发给维护程序的人员"
    ),
    "RUN_ACCOUNT": (
        "期别：{period}。台账共 {read} 行 = 计分 {scored} + 不在本期 {out} + 重复 {duplicate}"
        " + 有问题 {problem}{not_records}"
    ),
    "NOT_RECORDS": "（其中{parts}，不计分）",
    "NOT_RECORD_COUNT": "{label} {n}{unit}",
    "COUNT_TOTAL_ROWS": "合计行",
    "COUNT_FOOTER_ROWS": "落款行",
    "COUNT_HIDDEN_SHEET_ROWS": "隐藏工作表中的行",
    "RUN_ERRORS": "发现 {n} 处错误，未生成统计表。问题清单：{file}",
    "RUN_ERROR_ROW": "  {where} 第{row}行：{message}",
    "RUN_ERRORS_MORE": "  ……另有 {n} 处，见问题清单",
    "RUN_NOTES": "有 {n} 条提示，请在工作簿的“问题”表中核对",
    "RUN_WRITTEN": "已生成：{file}",
    "NOTICE_WRITTEN": "已生成通报草稿：{file}",
    "NOTICE_PDF_WRITTEN": "已生成通报 PDF：{file}",
    "TEMPLATE_YEAR": "{year}年",
    "TEMPLATE_ANY_YEAR": "不限年份",
    # --- the blank ledger (tools/template.py); the office's words come from the scheme ---
    "TEMPLATE_FILE_NAME": "台账模板.xlsx",
    "TEMPLATE_NOT_XLSX": "台账模板的文件名应以 .xlsx 结尾，如 --template {example}（现为 {name}）",
    "TEMPLATE_BAD_YEAR": "年份“{text}”写法不对，请写成 2021 或 2021Q1",
    "TEMPLATE_LEDGER_SHEET": "台账",
    "TEMPLATE_GUIDE_SHEET": "填写说明",
    "TEMPLATE_LIST_SHEET": "下拉名单",
    "TEMPLATE_TITLE": "{county}{years}政府信息采用台账",
    "TEMPLATE_WITHIN_YEAR": "{year}年内",
    "TEMPLATE_BETWEEN_YEARS": "{first}年至{last}年之间",
    "TEMPLATE_DATE_INPUT": "填采用日期，如 {year}-03-15",
    "TEMPLATE_DATE_TITLE": "日期不对",
    "TEMPLATE_DATE_ERROR": "请填写{within}的日期，如 {year}-03-15。不要写成文字或只写月份。",
    "TEMPLATE_NOT_LISTED": "{column}不在列表中",
    "TEMPLATE_UNIT_ERROR": (
        "不在单位名单中。联合报送写多个单位、用“、”隔开时，请点“是”；"
        "其他情况请从下拉列表选择，或先把单位加入单位名单。"
    ),
    "TEMPLATE_CATEGORY_ERROR": "请从下拉列表选择类别；新闻栏目的采用可以不填类别。",
    "TEMPLATE_CHANNEL_ERROR": (
        "不在渠道列表中。同一信息被几个渠道采用、用“、”隔开时，请点“是”；其他情况请从下拉列表选择。"
    ),
    "TEMPLATE_NOTE_UNIT_ERROR": "请从下拉列表选择单位（一行写一个单位）。",
    "TEMPLATE_NOTE_HINT": "常用的备注是{notes}，也可以写其他文字。",
    "GUIDE_TITLE": "{title} {sheet}",
    "GUIDE_SOURCE": "本模板按 {rules}（{name}）和 {roster}（单位名单）生成。",
    "GUIDE_RULES": "计分规则",
    "GUIDE_ROWS": (
        "在“{sheet}”表中，每一条被采用的信息填一行。不要改动表头文字，不要合并单元格。"
        "一年的台账可以记在同一个表里，程序只统计所选的{kind}。"
    ),
    "GUIDE_DATE": "{column}：填采用日期，如 {example}",
    "GUIDE_DATE_YEAR": "（只能填{year}年的日期）",
    "GUIDE_DATE_REAL": "。请填真正的日期，不要写成文字。",
    "GUIDE_UNIT": (
        "{column}：从下拉列表中选择。两个以上单位联合报送的，写在一个格子里，用“、”隔开"
        "（Excel/WPS 会提示不在列表中，点“是”即可），每个单位各得相同的份额。"
        "名单里没有的单位，请先加入 {roster}。"
    ),
    "GUIDE_CATEGORY": "{column}：从下拉列表中选择。采用渠道为 {channels} 的可以不填类别。",
    "GUIDE_CHANNEL": (
        "{column}：从下拉列表中选择。同一信息被几个渠道采用的，可以每个渠道填一行"
        "（标题相同），也可以写在一个格子里，用“、”隔开。"
    ),
    "GUIDE_DUPLICATES": "同一单位、同一标题、同一渠道只计一次，重复的行会在“问题”表中列出。",
    "GUIDE_NOTES": (
        "“{sheet}”表：某单位的{category}{note}时，在该表填写单位和“{note}”，"
        "统计表会在该单位的{category}格中印出这句话。"
    ),
    "GUIDE_NOTES_ANY": (
        "“{sheet}”表：需要在统计表中说明某单位的{category}时，在该表填写单位和备注，"
        "统计表会在该单位的{category}格中印出这句话。"
    ),
    "GUIDE_RENAMED": "单位更名后，新旧名称都可以用，累计分不断；统计表印出该期使用的名称。",
    "GUIDE_RUN": "填好后把本文件放进收件箱文件夹，运行：python convert.py 收件箱文件夹。",
    "GUIDE_REMARKS": "计分规则（印在统计表下方的备注）：",
    "TEMPLATE_WRITTEN": "已生成台账模板（{scope}）：{file}",
    "TEMPLATE_ONLY": "只生成了台账模板，没有统计；要统计请去掉 --template 再运行",
    "CHART_TITLE": "{attachment}　{total}得分（{previous}＋{current}）",
    "NOTICE_KEPT": "{name} 与本次生成的不同（可能已修改过），已改名保留为 {kept}",
    "NOTICE_NO_SOFFICE": (
        "未找到 LibreOffice（soffice），没有生成通报的 PDF；需要时用 Word/WPS 另存为 PDF"
    ),
    "NOTICE_PDF_FAILED": "LibreOffice 没能把 {name} 转成 PDF，需要时用 Word/WPS 另存为 PDF",
    "NOTICE_TEMPLATE_NOT_FOUND": "找不到通报模板 {path}，请确认 --notice-template 后面写的路径和文件名",
    "NOTICE_TEMPLATE_UNREADABLE": "通报模板 {file} 打不开：请用 Word/WPS 另存为 .docx 后再用",
    "NOTICE_TEMPLATE_MISSING": (
        "通报模板 {file} 里没有{missing}这样的一段（单独一行）：程序要在那里填入内容。"
        "请在模板中加上，或不用 --notice-template 改用内置格式"
    ),
    "NOTICE_CLOSE_FIRST": "请先关闭 Word/WPS 中打开的 {name}，再重新运行",
    "NOTICE_ENABLED": "{file} 的“enabled”应为 true 或 false，现为 {value}",
    # --- notice.toml (scheme/notice.py) ---
    "NOTICE_NOT_DATE": "{where}“{text}”不是日期，请写成 2021-01-15 这样的格式",
    "NOTICE_BRACES": "{where}“{template}”的花括号不成对；要印出花括号本身请写 {{{{ 或 }}}}",
    "NOTICE_UNKNOWN_FIELD": "{where}用到了不认识的“{{{name}}}”，可用的有：{allowed}",
    "NOTICE_COUNTS_EMPTY": '{where} 的 [counts] 应列出至少一种条数，如 province = ["省级"]',
    "NOTICE_COUNTS_NAME_TAKEN": "{where} [counts] 的名字“{name}”与程序的数字重名，请换一个名字",
    "NOTICE_COUNTS_NOT_CHANNELS": "{where} [counts] 的“{name}”应为渠道名称的列表",
    "NOTICE_COUNTS_UNKNOWN_CHANNEL": (
        "{where} [counts] 的“{name}”中渠道“{channel}”不在统计表的任何一列中，可用的有：{known}"
    ),
    "NOTICE_COUNTS_PART_COLUMN": (
        "{where} [counts] 的“{name}”只包含了统计表一列（{column}）"
        "中的部分渠道：条数无法拆开，请把这一列的渠道都列上或都不列"
    ),
    "NOTICE_NO_PARAGRAPH": "{where} 应至少有一个 [[paragraph]]（正文段落）",
    "NOTICE_AT_PARAGRAPH": "{where} 第{i}个 [[paragraph]] ",
    "NOTICE_STYLE": "{label}的 style “{style}”应为 {styles} 之一",
    "NOTICE_FOR_EACH": '{label}的 for_each 只能写 "table"（每张表重复一段）',
    "NOTICE_TEXT_OR_PARTS": "{label}应写 text（一整段）或 parts（可省略的几小段）中的一项",
    "NOTICE_PARTS_TEXT": "{label}的 {key} 应为文字",
    "NOTICE_PART_KIND": "{label}的 parts 每一项应为文字，或 {{ before, between, items }} 一组，现为 {value}",
    "NOTICE_WHEN": '{label}的 when 应为数字或名单名称的列表，如 ["none"]',
    "NOTICE_WHEN_UNKNOWN": "{label}的 when 中“{name}”不认识，可用的有：{allowed}",
    "NOTICE_GROUP_ITEMS": "{label}的一组 parts 应写 items（文字列表），可另写 before、between",
    "NOTICE_GROUP_TEXT": "{label}的一组 parts 中 before、between 应为文字",
    "NOTICE_UNKNOWN_KEYS": "{where} 有不认识的项：{keys}，请对照 templates/notice.toml",
    "NOTICE_AT_DATE": "{where} 的 date ",
    "NOTICE_DATE": "{where} 的“date”应为日期，如 2021-01-15，现为 {value}",
    "NOTICE_TOP": "{where} 的“top”应为不小于1的整数，现为 {value}",
    "NOTICE_NUMERALS": "{where} 的“numerals”应列出〇到十这11个数字的写法",
    "NOTICE_QUARTERS": "{where} 的“quarters”应列出四个季度的写法",
    "NOTICE_TABLE_NAME": '{where} 的 [table_names] 缺少表“{key}”的单位称呼，如 {key} = "各{key}"',
    "NOTICE_AT_CHANGE": "{where} [change] 的“{key}”",
    "NOTICE_FONT_SIZE": "{where} [fonts] 的“{key}”应为5到72之间的磅值，现为 {value}",
    "NOTICE_AT_KEY": "{where} 的“{key}”",
    "INTERNAL_LOG_HEAD": "信息采用统计 程序内部错误记录\n时间：{time}\n命令：{argv}\n",
    # --- files the program cannot read or write (library and system texts never shown) ---
    "WORKBOOK_UNREADABLE": (
        "{file} 无法按 Excel 工作簿读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入"
    ),
    "SHEET_UNREADABLE": (
        "{file} 的工作表“{sheet}”无法读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入"
    ),
    "SCHEME_SYNTAX_AT": (
        "{file} 格式有误：第{line}行第{column}列附近写法不对。请对照 templates/ 中的原文件修改"
    ),
    "SCHEME_SYNTAX": "{file} 格式有误：文件末尾不完整。请对照 templates/ 中的原文件修改",
    "CANNOT_WRITE": "无法写入 {target}：{reason}",
    "CANNOT_MAKE_FOLDER": "无法创建输出文件夹 {folder}：{reason}",
    "OS_PERMISSION": "没有权限",
    "OS_NOT_FOUND": "路径不存在",
    "OS_EXISTS": "已有同名的文件",
    "OS_NOT_DIR": "路径中有一段是文件，不是文件夹",
    "OS_IS_DIR": "这是一个文件夹",
    "OS_DISK_FULL": "磁盘已满",
    "OS_OTHER": "系统拒绝了这次操作",
    # --- the scheme files (scheme/keys.py, placeholders.py, weights.py, loader.py; period.py) ---
    "SCHEME_FILE_MISSING": "找不到规则文件 {path}，请检查路径",
    "SCHEME_KEY_MISSING": "{where} 缺少“{key}”一项",
    "SCHEME_KEY_KIND": "{where} 的“{key}”应为{kind}，现为 {value}",
    "KIND_TEXT": "文字",
    "KIND_LIST": "列表",
    "KIND_TABLE": "表",
    "KIND_BOOL": "true 或 false",
    "KIND_OTHER": "正确的类型",
    "SCHEME_ALIAS_TWICE": "{where}：{what}别名“{alias}”同时指向“{first}”和“{second}”，请删去其中一个",
    "SCHEME_WHAT_HEADER": "表头",
    "SCHEME_WHAT_CATEGORY": "类别",
    "SCHEME_WHAT_CHANNEL": "渠道",
    "SCHEME_WHAT_UNIT": "单位",
    "SCHEME_LEDGER_FIELD": "{where} [ledger].columns 缺少“{field}”（台账必需的列）",
    "SCHEME_AT_TABLE": "{where} 表“{key}”",
    "SCHEME_AT_TABLE_ENTRY": "{where} [[table]] 第{i}项",
    "SCHEME_AT_COLUMN": "{label} 第{j}列",
    "SCHEME_AT_HEADER": "{place} columns 第{j}项 header",
    "SCHEME_COLUMN_VALUE": "{label} 的 value 应为 {kinds} 之一",
    "SCHEME_COLUMN_PAIR": "{label} 统计的“{pair}”不是规则中有分值的类别和渠道",
    "SCHEME_COLUMN_ALIASES": '{label} 的 aliases 应为文字列表，如 ["累计得分"]',
    "SCHEME_TABLE_NEEDS": '{label} 应恰好有一列 value = "{value}"',
    "SCHEME_TABLE_TWICE": "{label} 有两列统计同一种类别和渠道",
    "SCHEME_IMPLIES": "{where} 渠道“{channel}”的 implies “{category}”不是已定义的类别",
    "SCHEME_JOINT_SPLIT": "平分",
    "SCHEME_JOINT_FULL": "每个单位计全分",
    "SCHEME_JOINT_FIXED": "每个单位计固定分",
    "SCHEME_FLOOR_CURRENT": "本期",
    "SCHEME_FLOOR_TOTAL": "累计",
    "SCHEME_CHOICE": "{key}（{meaning}）",
    "SCHEME_FLOOR_CHOICE": "{key}（{score}不低于0）",
    "SCHEME_AT_WEIGHT": "{where} weights 第{i}项",
    "SCHEME_WEIGHT_CATEGORY": "{label} 的类别“{category}”未在 [[category]] 中定义",
    "SCHEME_WEIGHT_CHANNEL": "{label} 的渠道“{channel}”未在 [[channel]] 中定义",
    "SCHEME_IN_CLASS": "（{klass}）",
    "SCHEME_WEIGHT_TWICE": "{where} weights 中“{pair}”{which}出现了两次",
    "SCHEME_BEST_OF_UNWEIGHTED": "{where} 类别“{category}”的 best_of 中 {channels} 没有分值",
    "SCHEME_AT_UNIT": "{where} 第{n}个单位",
    "SCHEME_AT_UNIT_NAMED": "{label}（{name}）",
    "SCHEME_UNIT_TABLE": "{label}的 table “{table}”不是规则文件中的表（{tables}）",
    "SCHEME_UNIT_FORMER": "{label}的 former 每项应写 name 和 until（日期，如 2021-05-31）",
    "SCHEME_UNIT_TWICE": "{where} 中单位“{unit}”出现了两次",
    "SCHEME_UNKNOWN_KEY_NEAR": "{where}：不认识的项“{key}”，是不是“{near}”？",
    "SCHEME_UNKNOWN_KEY": "{where}：不认识的项“{key}”。这里可以写的项：{valid}",
    "SCHEME_ONE_TABLE": "{file} 的“{key}”应写成 [{key}]（一项），不是 [[{key}]]",
    "SCHEME_NOT_TABLE": "{owner}的“{key}”应写成表，现为 {value}",
    "SCHEME_NOT_LIST": "{owner}的“{key}”应写成可以有多项的列表（{here}）",
    "SCHEME_ENTRY_NOT_TABLE": "{file} {label} 应写成 {{ 名称 = 值, … }} 的形式，现为 {value}",
    "SCHEME_WRONG_KIND": "{owner}的“{key}”应为{kind}，现为 {value}",
    "SCHEME_BRACES": "{where}：“{{”和“}}”没有配对。要印出大括号本身，请写成“{{{{”或“}}}}”",
    "SCHEME_PLACEHOLDER_SPEC": "{where}：占位符“{shown}”只能写成“{plain}”",
    "SCHEME_PLACEHOLDER_MISSING": "{where}：缺少占位符“{name}”（{why}）",
    "SCHEME_WHY_TITLE_YEAR": "程序靠标题里的年份认出上期表",
    "SCHEME_PROBLEMS": "以下 {n} 处写法要改，请逐处改正后重新运行：{lines}",
    "SCHEME_PROBLEM_LINE": "\n  {n}. {why}",
    "SCHEME_PLAIN_TEXT": "{where}：这一项原样印出，不能用占位符“{name}”；请删去或改成具体文字",
    "SCHEME_PLACEHOLDER_NOT_HERE": "{where}：这里不能用占位符“{name}”，可以用的只有：{allowed}",
    "SCHEME_PLACEHOLDER_UNKNOWN_NEAR": "{where}：不认识的占位符“{name}”，是不是“{near}”？这里可以用：{allowed}",
    "SCHEME_PLACEHOLDER_UNKNOWN": "{where}：不认识的占位符“{name}”，这里可以用：{allowed}",
    "SCHEME_HEADER_ROWS": "{where} [layout] 的“header_rows”应为1到{most}的整数（表头的行数），现为 {value}",
    "SCHEME_FIRST_ROW": (
        "{where} [layout] 的“first_row”应为{least}到{most}的整数（表头从第几行开始；"
        "第1至3行是“附件”行和标题），现为 {value}"
    ),
    "SCHEME_HEADER_DEPTH": "{label} 的表头应有1到{rows}行文字（表头行数由 [layout] header_rows = {rows} 规定）",
    "SCHEME_PERIOD": "{where} 的“period”应为 month（按月）、quarter（按季度）、half（按半年）、year（按年）之一，现为 {value}",
    "SCHEME_CLASSES": "{place} 的“classes”每个单位类别写一次，不能为空，现为 {value}",
    "SCHEME_BLOCK_CLASS": "{where} 单位“{unit}”{shown}：表“{table}”分类排名，每个计分单位的 class 应为 {classes} 之一",
    "SCHEME_NO_CLASS": "没有写 class",
    "SCHEME_JOINT": "{place} 的“joint”应为 {choices} 之一，现为 {value}",
    "SCHEME_JOINT_POINTS": '{place} 写了 joint = "fixed"，还要写 joint_points（每个单位计几分，大于0的数字），现为 {value}',
    "SCHEME_JOINT_POINTS_UNUSED": '{place} 的“joint_points”只在 joint = "fixed" 时有用，请删去或改 joint',
    "SCHEME_FLOOR": "{place} 的“floor”应为 {choices} 之一，现为 {value}",
    "SCHEME_POINTS": "{label} 的分值应为不小于0的数字，现为 {value}{hint}",
    "SCHEME_DEDUCTION_ELSEWHERE": "（扣分请写在 deduction = true 的类别里）",
    "SCHEME_DEDUCTION_POINTS": "{label} 的类别“{category}”是扣分（deduction = true），分值应为负数，如 -10，现为 {value}",
    "SCHEME_DEDUCTION_BEST_OF": "{where} 类别“{category}”是扣分（deduction = true），不能写 best_of（每条扣分都扣）",
    "SCHEME_CLASS_UNKNOWN": "{where} weights 中的单位类别“{klass}”不是 {roster} 里任何单位的 class（{named}）",
    "SCHEME_NO_CLASSES": "名单中没有写 class 的单位",
    "SCHEME_CLASS_WEIGHT_MISSING": "{where} weights 中“{pair}”只给了 {given} 的分值，{who}没有分值：请补上，或加一项不写 class 的分值",
    "SCHEME_UNIT_WITHOUT_CLASS": "没有写 class 的单位",
    "SCHEME_STYLE_FONT": "{where} [style] fonts 的“{key}”应写字体的名称（一行文字，如“仿宋_GB2312”），现为 {value}",
    "SCHEME_STYLE_PAPER": "{where} [style] 的“paper”应为 {choices} 之一（纸张大小），现为 {value}",
    "SCHEME_STYLE_SIZE": "{where} [style] {group} 的“{key}”应为{least}到{most}之间的字号（磅），现为 {value}",
    "SCHEME_STYLE_HEIGHT": "{where} [style] {group} 的“{key}”应为{least}到{most}之间的行高（磅），现为 {value}",
    "SCHEME_STYLE_MARGIN": "{where} [style] {group} 的“{key}”应为{least}到{most}之间的毫米数，现为 {value}",
    # --- the words of a period (period.py) ---
    "PERIOD_EXAMPLE_MONTH": "2021-03 或 2021M03",
    "PERIOD_KIND_MONTH": "月份",
    "PERIOD_KIND_QUARTER": "季度",
    "PERIOD_KIND_HALF": "半年（H1 上半年、H2 下半年）",
    "PERIOD_KIND_YEAR": "年份",
    "PERIOD_NOUN_MONTH": "月",
    "PERIOD_OPENING_MONTH": "1月",
    "PERIOD_LATER_MONTH": "2至12月",
    "PERIOD_BEFORE_MONTH": "上个月",
    "PERIOD_EACH_MONTH": "此前各月",
    "PERIOD_NEXT_MONTH": "下个月",
    "PERIOD_EARLIER_MONTH": "前几个月",
    "PERIOD_NOUN_QUARTER": "季度",
    "PERIOD_OPENING_QUARTER": "一季度",
    "PERIOD_LATER_QUARTER": "二至四季度",
    "PERIOD_BEFORE_QUARTER": "上季度",
    "PERIOD_EACH_QUARTER": "此前各季度",
    "PERIOD_NEXT_QUARTER": "下一季度",
    "PERIOD_EARLIER_QUARTER": "前几季度",
    "PERIOD_NOUN_HALF": "半年",
    "PERIOD_OPENING_HALF": "上半年",
    "PERIOD_LATER_HALF": "下半年",
    "PERIOD_BEFORE_HALF": "上半年",
    "PERIOD_EACH_HALF": "上半年",
    "PERIOD_NEXT_HALF": "下期",
    "PERIOD_EARLIER_HALF": "上半年",
    "PERIOD_NOUN_YEAR": "年",
    "PERIOD_OPENING_YEAR": "全年统计",
    "PERIOD_LATER_YEAR": "",
    "PERIOD_BEFORE_YEAR": "上一年",
    "PERIOD_EACH_YEAR": "此前各期",
    "PERIOD_NEXT_YEAR": "下期",
    "PERIOD_EARLIER_YEAR": "前几期",
    "PERIOD_MONTH": "{month}月",
    "PERIOD_MONTHS": "{first}-{last}月",
    "PERIOD_LABEL": "{year}年{months}",
    "PERIOD_FORM": "期别“{text}”写法不对：本办法按{kind}统计，请写成 {example}",
    "PERIOD_NUMBER": "期别“{text}”写法不对：没有第{number}个{kind}，请写成 {example}",
    "RULE_ADOPTED": "{category}被“{channel}”采用计{points}分",
    "RULE_JOINT_SPLIT": "；{units}个单位联合报送，各得{score}分",
    "RESEARCH_BEST": "{category}同一信息多次采用，以最高分记：{tier}",
    "RESEARCH_OTHERS": "，{others}不重复计分",
    "RESEARCH_PRIOR": "；此前各期已计{channel}+{prior}，本期计{awarded}分",
    "RULE_DEDUCTION": "{category}：“{channel}”扣{points}分",
    "RULE_JOINT_EACH": "；{units}个单位联合报送，按规则每个单位各计{score}分",
    # --- writing the outputs (output/) ---
    "CLOSE_FIRST": "请先关闭 Excel/WPS 中打开的 {file}，再重新运行",
    "OUT_NOT_WRITABLE": "无法在输出文件夹 {folder} 中写入文件（{reason}），请用 --out 换一个文件夹，或检查该文件夹的权限",
    "OUT_BUSY": (
        "另一次运行正在向输出文件夹 {folder} 写入结果，等了一分钟仍未结束；请等它结束后再运行。"
        "如果并没有其他运行，请删除该文件夹中的 {lock} 后重新运行"
    ),
    "SHEET_TOO_MANY_ROWS": "“{sheet}”有 {rows} 行，超过 Excel 一个工作表的上限 {limit} 行",
    "CELL_TOO_LONG": "“{sheet}”的“{column}”列有超过 {limit} 个字符的内容，超过 Excel 单元格上限",
    "SHEET_AS_CSV": "共 {rows} 行，超过 {limit} 行，完整内容另存为 {file}（与本工作簿在同一文件夹，可用 Excel 打开）",
    "KEPT_EARLIER": "以前生成的 {file} 与本次结果不同，已改名保留为 {kept}（可能已经发出，请核对）",
    "KEPT_MARK": "（{date} 替换前{n}）",
    "KEEP_NO_NAME": "无法为以前生成的 {target} 找到一个保留用的新名字，请先整理输出文件夹",
    # --- files refused before any parse (read/safety/sniff.py) ---
    "FILE_EMPTY": "{name} 是空文件，请确认是否保存了台账",
    "FILE_HTML": "{name} 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    "FILE_XML2003": "{name} 实际是 Excel 2003 XML 表格，不是 .xlsx/.xls 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    "FILE_PASSWORD": "{name} 设置了打开密码，程序无法读取，请在 Excel/WPS 中取消密码后另存再放入",
    "FILE_CORRUPT": "{name} 文件已损坏或不完整（无法按 {kind} 打开），请重新保存或重新复制该文件",
    "FILE_NOT_WORKBOOK": "{name} 是压缩包或其他 Office 文档，不是 Excel 工作簿，无法读取",
    "FILE_XLSB": "{name} 是 Excel 二进制工作簿（.xlsb），请用 Excel/WPS “另存为” .xlsx 再放入",
    "FILE_BOMB_TOTAL": "{name} 解压后超过 {limit} MB，疑似压缩炸弹，已拒绝",
    "FILE_BOMB_RATIO": "{name} 的内部文件 {member} 压缩比达到 {ratio}:1，疑似压缩炸弹，已拒绝",
    "FILE_BOMB_LIE": "{name} 的内部文件 {member} 解压后比声明的大，疑似压缩炸弹，已拒绝",
    "FILE_ENTITY": "{name} 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝",
    "FILE_EXTENT_DECLARED": "{name} 的工作表“{sheet}”声明的范围达到 {ref}，远超台账所需，疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    "FILE_EXTENT_CELLS": "{name} 的工作表“{sheet}”有单元格位于 {ref}，范围远超台账所需，疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    "FILE_LONG_TEXT": "{name} 的工作表“{sheet}”有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    "FILE_LONG_TEXT_SHARED": "{name} 有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    "FILE_STRUCTURE": "{name} 内部结构异常（{what}），疑似恶意或损坏文件，已拒绝；请用 Excel/WPS 打开后另存为新文件再放入",
    "FILE_NOT_EXCEL": "{name} 不是 Excel 或 CSV 文件，无法读取",
    "FILE_PLAIN_TEXT": "{name} 是纯文本，没有用逗号或制表符分隔的列，不是台账表格，无法读取",
    "FILE_ENCODING": "{name} 的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030），请用 Excel/WPS 另存为 .xlsx 或 CSV（UTF-8）再放入",
    "FILE_TOO_BIG": "{name} 有 {size} MB，超过 {limit} MB 的上限，已拒绝；请确认是否放错了文件",
    "FILE_UNREADABLE": "{name} 无法打开，可能正被其他程序占用或没有读取权限",
    "STRUCTURE_MEMBERS": "内部文件过多",
    "STRUCTURE_DUPLICATE": "有重名的内部文件",
    "STRUCTURE_ENCRYPTED": "内部文件被加密",
    "STRUCTURE_METHOD": "使用了不支持的压缩方式",
    "STRUCTURE_UTF16": "内部文件不是 UTF-8 编码",
    "STRUCTURE_PART": "工作簿目录过大",
    "STRUCTURE_SST": "共享字符串数量不合理",
    "STRUCTURE_UNKNOWN": "无法识别",
    # --- reading the files of the inbox (read/) ---
    "CSV_READ": "{file} 按 {encoding} 编码读取，列之间用{delimiter}分隔",
    "CSV_READ_SEP_LINE": "{file} 按 {encoding} 编码读取，列之间用{delimiter}分隔（按文件第一行 sep= 的指定）",
    "CSV_STRAY_BYTES": (
        "{file} 是 UTF-8 编码，但{lines}有不属于 UTF-8 的字节（{values}），程序不猜它原来是什么字；"
        "请用记事本或 Excel/WPS 打开该文件，改正这一行后另存为 CSV（UTF-8）再放入"
    ),
    "CSV_UNPAIRED_QUOTE": (
        '{file} 从第{line}行起有一个没有配对的英文双引号（"），后面的内容都被当成了一个单元格；'
        "请在 Excel/WPS 中打开改正该行后另存为 CSV 再放入"
    ),
    "CSV_EXTRA_FIELDS": (
        "这一行有 {fields} 列，比表头多 {extra} 列（可能是标题等文字里有作分隔用的{delimiter}），"
        "后面的内容都错了位，未计分；请在 Excel/WPS 中打开改正这一行，或把含{delimiter}的文字用英文双引号括起来"
    ),
    "SKIP_NOT_REGULAR": "不是普通文件（可能是管道或设备），不读取",
    "SKIP_WPS_ET": "是 WPS 表格文件（.et），请在 WPS 中“另存为” .xlsx 再放入",
    "NOT_A_LEDGER": (
        "{where} 的前 {rows} 行里没有台账表头（一行或上下两行里写着“日期、单位、标题、采用渠道”），"
        "也不是上期统计表，已跳过"
    ),
    "INBOX_MISSING": "找不到文件夹 {folder}，请确认路径",
    "SKIP_FOLDER": "是文件夹，不读取其中的文件",
    "SKIP_TEMP": "是 Excel/WPS 打开文件时留下的临时文件",
    "SKIP_HIDDEN": "是隐藏文件",
    "SKIP_NOT_A_TABLE": "不是表格文件（.xlsx/.xls/.csv）",
    "SHEET_EMPTY": "{file} 的工作表“{sheet}”是空的，已跳过",
    "SHEETS_ALL_EMPTY": "{file} 里的工作表都是空的，没有任何内容，请确认是否保存了台账",
    "HEADER_MISSING": "{where} 第{row}行像是台账表头，但缺少“{columns}”列；请补上该列，或在规则文件 [ledger].columns 中加入该表头的写法",
    "NOTES_COLUMNS": "{where} 应有“单位”和“备注”两列，请按台账模板填写备注表",
    "DELIM_COMMA": "逗号",
    "DELIM_TAB": "制表符",
    "DELIM_SEMICOLON": "分号",
    "ENCODING_UTF16": "UTF-16（Unicode 文本）",
    "ENCODING_UTF8_BOM": "UTF-8（带BOM）",
    "HIDDEN_SHEET_SKIPPED": "{file} 的工作表“{sheet}”是隐藏的，已跳过",
    # --- ledger rows (normalise/) ---
    "PERIOD_YEAR": "期别“{text}”的年份 {year} 不合理，请写 {first}—{last} 年之间的{kind}，如 {example}",
    "DATE_YEAR": "日期“{value}”的年份不合理（应在 {first}—{last} 年之间），请改正采用日期",
    "EXCEL_ERROR": "{column}一格是 Excel 的错误值“{value}”（公式出错，或引用的单元格已删除），请在 Excel 中改正该格",
    "NO_ROWS_IN_PERIOD": (
        "台账里没有{label}（{code}）的行，按 --period 计算只会得到全是0的表，未生成；{facts}。"
        "请检查 --period 是否写错"
    ),
    "FOOTER_REASON": "落款行（制表人、审核等），不是采用记录，未计分",
    "EXTRA_FIELDS_REASON": "列数比表头多，内容错位，未计分",
    "HIDDEN_SHEET_REASON": "在隐藏的工作表中，未计分",
    "HIDDEN_SHEET_ROWS": (
        "该工作表是隐藏的，其中第{first}行至第{last}行共 {n} 行台账未计分；"
        "如要计分，请在 Excel/WPS 中取消隐藏该工作表（或把这些行复制到台账中）后重新运行"
    ),
    # --- ledger rows: the 说明 of a 问题 row (normalise/, scheme/vocabulary.py) ---
    "TOTAL_ROW": "合计行，不是采用记录，未计分",
    "HIDDEN_ROW": "该行在 Excel 中被隐藏，已照常计分，请确认",
    "REPEATED_IN_CELL": "同一格里“{parts}”写了两次，只计一次；如是笔误请改正台账",
    "OUT_OF_PERIOD": "不在本期（{period}）",
    "OUT_OF_PERIOD_RUN": "不在本期（{period}）：第{first}行至第{last}行，共{n}行",
    "DATE_BLANK": "日期为空，无法判断属于哪一期，请补上采用日期",
    "DATE_AMBIGUOUS": "日期“{value}”有歧义（月和日分不清），请写成 2020-10-12 或 2020年10月12日",
    "DATE_BAD": "日期“{value}”无法识别，请写成 2020-10-12 或 2020年10月12日",
    "NO_TITLE": "标题为空，无法判断是否同一条信息，请补上标题",
    "DUPLICATE_OF": "与{origin}重复（单位、标题、渠道相同），只计一次",
    "ROW_HERE": "第{row}行",
    "ROW_THERE": "{where} 第{row}行",
    "NO_UNIT": "单位为空，请补上报送单位",
    "UNIT_ONLY_SEPARATORS": "单位“{value}”里没有单位名称，请补上报送单位",
    "UNKNOWN_UNIT": "单位“{value}”不在单位名单中，{hint}请改正台账，或在 {roster} 中为该单位加入别名",
    "NEAREST_UNITS": "最接近的是：{names}。",
    "NO_NEAREST_UNIT": "也没有相近的名称。",
    "NO_CHANNEL": "采用渠道为空，请补上采用渠道",
    "CHANNEL_ONLY_SEPARATORS": "采用渠道“{value}”里没有渠道名称，请补上采用渠道",
    "UNKNOWN_CHANNEL": (
        "采用渠道“{value}”无法识别。可用的渠道有：{known}。"
        "请改正台账，或在 {rules} 的 [[channel]] 中加入别名"
    ),
    "UNKNOWN_CATEGORY": (
        "类别“{value}”无法识别。可用的类别有：{known}。"
        "请改正台账，或在 {rules} 的 [[category]] 中加入别名"
    ),
    "NO_CATEGORY": "类别为空，渠道“{channels}”不能说明是哪一类信息，请在台账中填写类别",
    "NO_WEIGHT": "类别“{category}”没有“{channel}”这一采用渠道的分值，请核对类别或渠道",
    "NO_COLUMN": "{unit}属于“{table}”表，表中没有“{channel}”一栏，请核对渠道",
    "FLOORED": (
        '{unit}{column}为{value}分，按规则（[scoring] floor = "{floor}"）{column}不低于0，表中记为0分'
    ),
    "LEFT_OUT": "{units}属于{tables}，本次只生成{made}，未计分",
    "LEFT_OUT_PART": "{units}属于{tables}，本次只生成{made}，这部分未计分",
    "LEFT_OUT_ROWS": "台账中有 {n} 行是{tables}的记录，本次只生成{made}，这 {n} 行未计分（计入“有问题”），逐行见“问题”表中问题为“{kind}”的行",
    "LEFT_OUT_PART_ROWS": "台账中有 {n} 行联合报送的记录含{tables}的单位，本次只生成{made}，这些单位的部分未计分，逐行见“问题”表中问题为“{kind}”的行",
    # --- the inbox (read/inbox.py) ---
    "SKIPPED_FILE": "已跳过 {file}：{why}",
    "AUDIT_SHEETS_SKIPPED": "{file} 中的{sheets}表是统计表的附表，已跳过",
    "MERGED_DOWN_FILLED": "{where} 有 {n} 处上下合并的单元格，已把合并的值填入所合并的每一行",
    "FILES_REFUSED": "收件箱里有 {n} 个文件不能使用，请逐个处理后重新运行：{lines}",
    "FILES_REFUSED_LINE": "\n  {n}. {why}",
    "NO_LEDGER": "文件夹 {folder} 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）",
    "LEDGER_EMPTY": "台账 {names} 只有表头，没有采用记录，请先填写台账",
    "PERIOD_BAD": "期别“{text}”写法不对，请写成年份加季度，如 2020Q4",
    # --- where the outputs go (output/publish.py) ---
    "OUT_IN_INBOX": (
        "输出文件夹 {out} 在收件箱里：下次运行会把生成的表当成台账或上期表读入。"
        "请用 --out 指定收件箱以外的文件夹"
    ),
    "STALE_WORKBOOK": "注意：{file} 是以前生成的，不是按本次台账生成的；改正问题之前请勿使用",
    "STALE_PROBLEMS_REMOVED": "已删除上次的问题清单 {file}（问题已改正）",
    # --- last quarter's table (previous/table.py) ---
    "PREV_NO_TOTAL": "上期表 {where} 里找不到“{column}”一列（没有认出的表头：{found}）。请把该列表头改为“{column}”，或在 {rules} “{table}”表“{column}”一列的 aliases 中加入它的写法",
    "PREV_NONE_FOUND": "无",
    "PREV_UNCALCULATED": "上期表 {where} 第{row}行的累计是公式，但文件里没有保存计算结果；请用 Excel/WPS 打开该文件、保存后再放入",
    "PREV_NOT_NUMBER": "上期表 {where} 第{row}行的累计分“{value}”不是数字，请改正上期表",
    "PREV_UNIT_TWICE": "上期表 {where} 第{first}行和第{row}行都是“{name}”，请删去重复的一行",
    "PREV_MERGED": "上期表 {where} 第{first}行“{first_name}”和第{row}行“{name}”都是单位名单中的{unit}，上期累计相加：{before} + {number} = {sum}",
    "PREV_MISSING_UNITS": "上期表 {where} 缺少单位：{units}。请补上这些单位的行（上期累计为0的写0），或确认放入的是完整的上期表",
    "PREV_TOTAL_ROW": "上期表 {where} 第{row}行“{name}”是合计行，不是单位，已跳过",
    "PREV_NO_NEAREST": "单位名单中没有相近的名称",
    "PREV_UNKNOWN_PART": "第{row}行“{name}”（{hint}）",
    "PREV_UNKNOWN_UNITS": '上期表 {where} 中有单位名单里没有的单位：{parts}。请改正上期表，或在 {roster} 中为该单位加入别名；如果是单位更名，请在 {roster} 新名称的单位下写 former = [{{ name = "{example}", until = 更名日期 }}]，累计分不断',
    "PREV_NO_MONTHS": "上期表 {where} 的表头里找不到月份（如“{months}采用情况”），无法确认是哪一期",
    "PREV_IS_THIS_PERIOD": "{where} 是本期（{period}）的统计表，不是上期的；请把它移出收件箱，放入{expected}的{attachment}",
    "PREV_LATER": "上期表 {where} 是{got}的，晚于本期{period}；请确认期别（--period），或放入{expected}的{attachment}",
    "PREV_GAP": "上期表 {where} 是{got}的，本期是{period}，应放入{expected}的{attachment}（隔期会漏算分数）",
    "PREV_TITLE_GUESSED": "{where} 的标题“{title}”没有写明是哪张表，按表中的单位认作{attachment}（{table}）",
    "PREV_NO_NAME_HEADER": "{where} 像是统计表，但找不到“单位名称”表头，请使用正式表格格式",
    "PREV_IGNORED_NOT_MADE": "已忽略上期表 {where}：本次不生成{attachment}（{table}）",
    "PREV_IGNORED_OPENING": "本期是{opening}，累计从0开始，已忽略上期表 {where}",
    "PREV_TWO_TABLES": "收件箱里有两份{attachment}的上期表：{first} 和 {second}，请只保留一份",
    "PREV_USED": "{attachment}上期累计取自：{where}",
    "PREV_MISSING_INSTEAD": "；如果本单位不发{attachment}，请用 --tables {others} 只生成其余的表",
    "PREV_MISSING": "收件箱里没有{named}的上期表（{before}）。{later}需要上期累计分：请把{before_word}发布的{attachments}放入收件箱{instead}",
    "PREV_MISSING_SEVERAL": "收件箱里没有{named}的上期表（{before}）。{later}需要上期累计分：请把{before_word}发布的{attachments}都放入收件箱{instead}",
    # --- which tables this run makes (table_choice.py) ---
    "TABLES_EMPTY": "（空）",
    "PROBLEM_COLUMN_UNIT": "单位",
    "TABLES_UNKNOWN": "--tables “{text}”中有不认识的表：{unknown}；可用的有：{valid}",
    "TABLE_NAMED": "{table}（{attachment}）",
    "ATTACHMENT_NAMED": "{attachment}（{table}）",
    "PREV_IGNORED_OLDER": "已忽略较早的上期表 {where}（{got}），用{use}的",
    "PREV_IGNORED_THIS_PERIOD": "已忽略 {where}：它是本期（{period}）的统计表（例如本工具早先为本期生成的），上期累计用{use}的",
    "TABLES_REQUESTED": "本次生成：{names}（按 --tables 指定）",
    "TABLE_ROWS_PROBLEMS": "{attachment}（{table}）：台账中{table}的记录有 {n} 行有问题（逐行见问题清单），本期没有一行{table}的记录能计分，收件箱里也没有它的上期表，本次不生成这张表；改正这些行后重新运行即会生成",
    "NO_ROW_SCORABLE_ALL": "台账共读取 {read} 行，都有问题（逐行见问题清单），没有一行能计分，本次不生成统计表；请改正这些行后重新运行",
    "NO_ROW_SCORABLE": "台账共读取 {read} 行，其中 {problem} 行有问题（逐行见问题清单），本期没有一行能计分，本次不生成统计表；请改正这些行后重新运行",
    "TABLE_NOT_MADE": "{attachment}（{table}）：台账中本期没有{table}的采用记录，收件箱里也没有它的上期表，本次不生成这张表",
    # --- which period this run is (period_choice.py) ---
    "ROWS_UNTIL": "（只到{month}月{day}日）",
    "ROWS_OF_PERIOD": "{label} {n} 行{tail}",
    "ROWS_PER_PERIOD": "台账各{noun}行数：{parts}",
    "PERIOD_REQUESTED": "本期：{label}（{code}），按 --period 指定",
    "PERIOD_NO_DATES": "台账里没有一行能识别的日期，无法判断期别，请用 --period 指定，如 --period {example}",
    "PERIOD_NO_PREVIOUS": "收件箱里没有上期表",
    "PERIOD_PREVIOUS_LAST_YEAR": "上期表是上一年的",
    "PERIOD_LAST_COMPLETE": "台账中已记完整的最后一个{noun}",
    "PERIOD_BUSIEST": "台账中行数最多的{noun}",
    "PERIOD_CHOSEN": "本期：{label}（{code}）。依据：{ground}，取{how}；{facts}",
    "PERIOD_CONFLICT": "无法确定本期：上期表 {names} 是{last}的，据此本期应是{implied}；但",
    "PERIOD_FIX_PREVIOUS": "请换入{label}的统计表",
    "PERIOD_FIX_OPENING": "请用 --period {code}（{opening}不需要上期表）",
    "PERIOD_LATER_COMPLETE": "{start}台账中{wrong}已有 {n} 行、记到了{month}月，是完整的一个{noun}（{facts}）。如果本期是{wrong}，{fix}；如果本期确是{implied}，请用 {suggestion}",
    "PERIOD_LATER_ROWS": "{start}台账中已有{late}的行，比{implied}晚两个{noun}以上（{facts}）；上期表发出时台账只会多出其后几周的行，这些行说明本期不是{implied}，上期表可能放错了。如果本期是{wanted}，请用 {wanted_suggestion}；如果本期确是{implied}，请用 {suggestion}",
    "PERIOD_TABLE_IS_THIS": "{start}台账中{last}已记完整，{implied}还没有记完整（{facts}）。{names} 像是本期（{last}）早先生成的统计表（例如改正台账后重新运行，上次的结果留在了收件箱里）。如果本期是{last}，请用 {suggestion}；如果本期确是{implied}（台账已记全），请用 {implied_suggestion}",
    "PERIOD_IMPLIED_EMPTY": "{start}台账中没有{implied}的行（{facts}）。请放入{implied}的台账，或换入正确的上期表，或用 --period 指定期别，如 {suggestion}",
    "PERIOD_SUGGESTED": "--period {code}",
    "PERIOD_SUGGESTED_NEEDS": "--period {code}（还要{needs}）",
    "NEED_ROWS": "放入{label}的台账",
    "NEED_PREVIOUS": "放入{label}的统计表",
    "NEED_OTHER_PREVIOUS": "把上期表 {names} 换成{label}的",
    "PERIOD_OTHER_HINT": "。本期{label}是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定，如 {suggestion}（{opening}不需要上期表）",
    "PERIOD_OTHER_HINT_PLAIN": "。本期{label}是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定（{opening}不需要上期表，其余各期都要放入上一期的统计表）",
    "PERIOD_FROM_PREVIOUS": "本期：{label}（{code}）。依据：上期表 {names} 是{last}的；{facts}",
    # --- 上期核对 (previous/crosscheck.py) ---
    "EARLIER_MONTHS": "{year}年1-{last}月",
    "EARLIER_MONTH_ONE": "{year}年1月",
    "PREVIOUS_MORE": (
        "{unit}：按台账中{months}的记录算得累计 {ours} 分，上期表为 {theirs} 分"
        "（台账比上期表多 {gap} 分）。本期仍按上期表计算；如上期表有误，请更正后重新运行"
    ),
    "PREVIOUS_LESS": (
        "{unit}：按台账中{months}的记录算得累计 {ours} 分，上期表为 {theirs} 分"
        "（台账比上期表少 {gap} 分）。本期仍按上期表计算；如上期表有误，请更正后重新运行"
    ),
    "CROSSCHECK_SKIPPED": (
        "上期核对：台账中{months}只有 {n} 行，算不出上期表的累计（不是全年的台账），没有核对；"
        "这些行已列入“问题”表"
    ),
    # --- rows logged late into a published quarter (previous/late.py) ---
    "LATE_ROW_ONE": "日期{day}",
    "LATE_ROWS": "第{first}行至第{last}行（共{n}行）的日期",
    "LATE_ROW_WHAT": (
        "在已发布的{quarter}内：本期（{period}）不计分；台账没有记全{earlier}，"
        "是否已计入上期表无法核对。如上期漏计了，请更正上期表的累计后重新运行；"
        "如日期记错了，请改正台账后重新运行"
    ),
    "CROSSCHECK_UNSCORABLE": "（{months}另有 {n} 处无法计分的记录，未计入）",
    "CROSSCHECK_AGREES": "上期核对：按台账中{months}的记录算得的累计与上期表一致{extra}",
    "CROSSCHECK_DIFFERS": (
        "上期核对：按台账中{months}的记录算得的累计与上期表有 {n} 个单位不同，"
        "已列入“问题”表（本期仍按上期表计算）{extra}"
    ),
    # --- --check-against (tools/check.py) ---
    "CHECK_MISSING": "找不到核对表 {path}，请确认路径",
    "CHECK_IN_INBOX": "核对表 {file} 在收件箱里，会被当作上期表读取；请把它移到收件箱以外，再运行",
    "CHECK_NO_TABLE": "核对表 {file} 里没有找到统计表（标题应为 {titles}），请确认文件",
    "CHECK_TWO_TABLES": "核对表 {file} 里有两份{attachment}：{first} 和 {second}，请只留一份",
    "CHECK_DIFFERS": "{n} 处不一致",
    "CHECK_AGREES": "全部一致",
    "CHECK_TABLE": "{attachment}（{key}）：{n} 个单位逐格比较，{verdict}",
    "CHECK_TABLE_ABSENT": "核对表中没有{attachment}（{key}），该表未核对",
    "CHECK_HEAD": "核对：本次计算的统计表与 {file} 逐格比较（以本次计算为准，核对表只作对照）",
    "CHECK_YEAR": "{year}年",
    "CHECK_OTHER_PERIOD": (
        "核对表 {where} 是{shown}的，本次统计的是{period}，请换用同一期的核对表，或用 --period 指定期别"
    ),
    "CHECK_COLUMN_UNMATCHED": "{attachment}的“{column}”列对不上统计表的任何一列，未核对",
    "CHECK_COLUMN_LACKING": "{attachment}缺少“{column}”列，该列未核对",
    "CHECK_SUMMARY_HEAD": "核对 {file}：",
    "CHECK_SUMMARY_LINE": "  {line}",
    "CHECK_SUMMARY_DIFF": "  {table} {unit} {column}：核对表 {theirs}，程序 {ours}（{cause}：{detail}）",
    "CHECK_SUMMARY_MORE": "  ……另有 {n} 处，见工作簿的“{sheet}”表",
    "CHECK_SUMMARY_SEE": "  详见工作簿的“{sheet}”表",
    "CHECK_EMPTY_CELL": "（空）",
    # --- the audit sheets' names, headers and first lines (output/audit.py) ---
    "SHEET_DETAIL": "明细",
    "SHEET_PROBLEMS": "问题",
    "SHEET_CHECK": "核对",
    "SHEET_RECORD": "调研加分",
    "COL_WHERE": "来源（文件/工作表）",
    "COL_ROW": "行号",
    "COL_SHARE": "份额",
    "COL_POINTS": "分值",
    "COL_SCORE": "得分",
    "COL_RULE": "计分说明",
    "COL_COLUMN": "列",
    "COL_VALUE": "内容",
    "COL_LEVEL": "级别",
    "COL_KIND": "问题",
    "COL_MESSAGE": "说明及处理办法",
    "DETAIL_PREAMBLE": (
        "{sheet}：每一条计分的采用一行。联合报送的信息每个单位各占一份；"
        "“{points}”是规则分值，“{score}”是该单位实得（{points} × {share}{best}）。"
    ),
    "DETAIL_PREAMBLE_BEST": "，{categories}加分只取最高一项",
    "RECORD_PREAMBLE": (
        "{sheet}：{year}年内到本期（{months}）为止，每条{categories}已计的最高加分"
        "（同一信息被多次采用的，以最高分记）。{next}运行时读取本表，只补计差额，不重复计分。"
    ),
    # --- a ledger field named when the rules file lists no header for it (scheme/loader.py) ---
    "FIELD_DATE": "日期",
    "FIELD_UNIT": "单位",
    "FIELD_TITLE": "标题",
    "FIELD_CATEGORY": "类别",
    "FIELD_CHANNEL": "采用渠道",
    "FIELD_REMARK": "备注",
    "CHECK_NO_NEAREST": "无",
    "CHECK_UNIT_COLUMN": "单位名称",
    # --- the 核对 sheet: its headers, and each difference's likely cause and detail ---
    "CHECK_COL_TABLE": "表",
    "CHECK_COL_ROW": "行号",
    "CHECK_COL_UNIT": "单位",
    "CHECK_COL_COLUMN": "列",
    "CHECK_COL_THEIRS": "核对表",
    "CHECK_COL_OURS": "程序计算",
    "CHECK_COL_CAUSE": "可能原因",
    "CHECK_COL_DETAIL": "说明",
    "CHECK_CAUSE_UNKNOWN_UNIT": "单位不在名单中",
    "CHECK_DETAIL_UNKNOWN_UNIT": "单位名单中没有“{name}”，最接近的是：{near}",
    "CHECK_CAUSE_UNIT_TWICE": "单位重复",
    "CHECK_DETAIL_UNIT_TWICE": "与第{first}行是同一单位（{unit}），只核对了第{first}行",
    "CHECK_CAUSE_WRONG_TABLE": "单位放错表",
    "CHECK_DETAIL_WRONG_TABLE": "{unit}属于{other}，不应列在本表",
    "CHECK_CAUSE_UNIT_MISSING": "单位缺失",
    "CHECK_DETAIL_UNIT_MISSING": "核对表中没有这个单位",
    "CHECK_CAUSE_NO_COLUMN": "核对表缺少此列",
    "CHECK_DETAIL_NO_COLUMN": "本单位在这一列有采用，核对表没有这一列",
    "CHECK_CAUSE_COUNT_TEXT": "条数格是文字",
    "CHECK_DETAIL_COUNT_TEXT": "核对表此格写的是文字，不是条数",
    "CHECK_CAUSE_COUNT": "条数不同",
    "CHECK_DETAIL_COUNT": "该单位此项的每一条记录见“明细”表",
    "CHECK_DETAIL_COUNT_SHARE": "；联合报送的信息每个单位各计一份（如0.5条），请核对是否按份额计",
    "CHECK_CAUSE_UNRANKED_SCORED": "不计分单位有分数",
    "CHECK_DETAIL_UNRANKED_SCORED": "该单位不计分、不排名，核对表却给出了分数或名次",
    "CHECK_CAUSE_RANKED_UNSCORED": "计分单位未计分",
    "CHECK_DETAIL_RANKED_UNSCORED": "该单位计分、排名，核对表却没有给它分数和名次",
    "CHECK_CAUSE_SCORE_TEXT": "分数格是文字",
    "CHECK_DETAIL_SCORE_TEXT": "核对表此格写的是文字，不是分数",
    "CHECK_CAUSE_PREVIOUS": "上期与上期表不符",
    "CHECK_DETAIL_PREVIOUS": "本次的上期取自上期表的累计（{points} 分）",
    "CHECK_CAUSE_CURRENT_VS_COUNTS": "本期分数与各项条数不符",
    "CHECK_DETAIL_CURRENT_VS_COUNTS": "按核对表本行的条数算，本期应为 {points} 分",
    "CHECK_DETAIL_CURRENT_FROM_COUNTS": "核对表本行的条数与台账不同，本期分数随之不同",
    "CHECK_CAUSE_CURRENT": "本期分数不同",
    "CHECK_DETAIL_CURRENT": "请对照“明细”表中该单位的每一条记录",
    "CHECK_CAUSE_TOTAL_SUM": "累计≠本期+上期",
    "CHECK_DETAIL_TOTAL_SUM": "核对表本行本期 + 上期 = {added} 分，累计却是 {total} 分",
    "CHECK_CAUSE_TOTAL_PARTS": "本期或上期不同",
    "CHECK_DETAIL_TOTAL_PARTS": "本期或上期分数不同，累计随之不同",
    "CHECK_CAUSE_TOTAL": "累计不同",
    "CHECK_DETAIL_TOTAL": "请核对本行的本期、上期和累计",
    "CHECK_CAUSE_RANK": "名次不同",
    "CHECK_DETAIL_RANK_NO_TOTAL": "核对表没有累计分，无法判断原因",
    "CHECK_CAUSE_TIE_SPLIT": "并列名次被排开",
    "CHECK_DETAIL_TIE_SPLIT": "与{others}累计同为 {total} 分，应并列第{rank}名",
    "CHECK_CAUSE_RANK_VS_TOTAL": "排名与累计分不符",
    "CHECK_DETAIL_RANK_VS_TOTAL": "按核对表的累计分应为第{rank}名",
    "CHECK_DETAIL_RANK_FROM_TOTAL": "累计分不同，名次随之变化",
    # --- the 问题 sheet's first lines (output/audit.py) ---
    "SHEET_ACCOUNT": (
        "{period}：台账共读取 {read} 行 = 计分 {scored} 行 + 不在本期 {out} 行"
        " + 重复 {duplicate} 行 + 有问题 {problem} 行{not_records}"
    ),
    "SHEET_ROWS_UNIT": " 行",
    "SHEET_ERRORS": "有 {n} 处错误（级别为“错误”），改正台账后重新运行才会生成统计表。",
    "SHEET_NO_ERRORS": "没有错误。“未计分”的行按规则不计分；“提示”请核对。",
    # --- the 备注 sheet (output/audit.py) ---
    "NOTE_WITHOUT_UNIT": "备注表有备注“{note}”但没有写单位，请补上单位",
    "NOTE_UNKNOWN_UNIT": "备注表的单位“{unit}”不在单位名单中，{hint}。请改正备注表",
    "NOTE_NEAREST": "最接近的是：{names}",
    "NOTE_NO_NEAREST": "也没有相近的名称",
    "NOTE_NOT_PRINTED": ("{unit}本期有调研信息采用，备注“{note}”没有印在表中（采用条数优先）"),
    # --- the year's research bonuses (score/record.py) ---
    "RECORD_COL_PERIOD": "期别",
    "RECORD_COL_UNIT": "单位",
    "RECORD_COL_UNITS": "报送单位",
    "RECORD_COL_TITLE": "标题",
    "RECORD_COL_CATEGORY": "类别",
    "RECORD_COL_CHANNEL": "已计加分的渠道",
    "RECORD_COL_POINTS": "加分",
    "RECORD_COL_CHECK": "核对",
    "RECORD_COMPACT": "调研加分记录（每行一条，JSON）",
    "RECORD_UNCHECKED": "上期表是手工做的，此前各期的加分未能核对",
    "RECORD_ITEM": "{category}“{title}”（{units}）",
    "RECORD_NO_BONUS": "没有加分",
    "RECORD_DISAGREES": (
        "{item}：上期工作簿 {book} 记录此前已计{recorded}，台账中此前各期的记录为{ledger}；"
        "按上期工作簿扣除（已发布的表计过的才算已计），本期计{now}分。请核对上期工作簿和台账"
    ),
    "PRIOR_UNCONFIRMED": (
        "{item}：按台账中此前的记录已计{ledger}，本期计{now}分；但上期核对显示{unit}按台账算得的累计"
        "比上期表多 {gap} 分，这条加分上期表可能没有计。如上期表漏计了，请更正上期表的累计后重新运行"
    ),
    "RECORD_MISSING": (
        "上期表是手工做的，没有记录此前各期已计的调研加分：本期有 {n} 条{categories}计了加分（如{item}），"
        "无法核对此前是否已计过，逐条见“调研加分”表的“核对”一列；如已计过，"
        "请在台账中补上此前的采用记录后重新运行"
    ),
    "RECORD_UNCHECKED_SCREEN": (
        "提示：上期表是手工做的，本期 {n} 条{categories}的加分无法与{each}核对"
        "（涉及 {units}），如此前已计过就会重复计分。请把{each}的台账行一并放进收件箱，"
        "或改用本工具{before}生成的统计表作上期表，然后重新运行"
    ),
    "RECORD_UNCHECKED_UNIT": "{unit} {points} 分",
    "RECORD_UNCHECKED_MORE": "等，共 {n} 个单位 {points} 分",
    # --- our own files in the inbox (read/inbox.py) ---
    "OWN_PROBLEM_LIST": "已跳过 {file}：是本工具生成的问题清单，不是台账",
    "OWN_SIDE_CSV": "已跳过 {file}：是本工具生成的“{sheet}”表（CSV），不是台账",
    "OWN_AUDIT_SHEET": "已跳过 {where}：是本工具生成的“{sheet}”表（从统计表或问题清单另存的副本），不是台账",
    "KEPT_COPY_SKIPPED": (
        "已跳过 {file}：是本工具重新生成统计表时保留的替换前旧版，已被现行的统计表取代，不作上期表"
    ),
    "KEPT_COPIES_ONLY": (
        "收件箱里{period}的统计表只有本工具保留的替换前旧版（{files}），旧版已被取代，不能作上期表。"
        "请把同一文件夹中文件名不带“替换前”的现行统计表放进收件箱后重新运行"
    ),
    "OWN_SHEETS_SKIPPED": "{file} 是本工具生成的工作簿，其中的{sheets}表是附表，已跳过",
    "OWN_OTHER_KIND": (
        "已跳过 {file}：是本工具按{kind}统计时生成的（{code}），本办法按{scheme_kind}统计，"
        "不能作上期表"
    ),
    "OWN_MARK_PERIOD": (
        "{file} 是本工具生成的工作簿，但文件属性里记下的期别“{value}”读不出来（可能被改过）："
        "请换成本工具生成的原文件，或把它移出收件箱"
    ),
}

# Problem kinds: the label shown in the 问题 sheet's 问题 column.
KINDS: dict[str, str] = {
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
    "RECORD_DISAGREES": "加分记录不一致",
    "RECORD_MISSING": "加分无法核对",
    "PRIOR_UNCONFIRMED": "加分可能未计",
}

# Levels of a problem: the 级别 column.
LEVELS: dict[str, str] = {"ERROR": "错误", "NOT_SCORED": "未计分", "INFO": "提示"}


class MessageError(Exception):
    """A message asked for with an unknown code or the wrong values: a bug, not the clerk's."""


@functools.cache  # a few hundred templates; msg() asks once per message written
def fields(template: str) -> frozenset[str]:
    """The placeholder names of a template."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name is not None)


def _template(code: str, values: dict[str, Any]) -> str:
    try:
        template = MESSAGES[code]
    except KeyError:
        raise MessageError(f"unknown message code {code!r}") from None
    wanted, given = fields(template), set(values)
    if wanted != given:
        raise MessageError(
            f"{code}: missing {sorted(wanted - given)}, unexpected {sorted(given - wanted)}"
        )
    return template


def msg(code: str, /, **values: Any) -> str:
    """The text of one message, its placeholders filled."""
    return _template(code, values).format(**values)


def listing(items) -> str:
    """Items as a Chinese list: 甲、乙、丙."""
    return MESSAGES["LIST_SEP"].join(items)


def msg_each(code: str, /, **values: Any):
    """One text per row: values are pandas Series (aligned) or scalars; returns a Series.

    Built by concatenating the template's pieces, so a million rows cost a few vector
    operations; placeholders here take no format spec.
    """
    template = _template(code, values)
    out: Any = ""
    for literal, name, spec, conversion in Formatter().parse(template):
        out = out + literal
        if name is None:
            continue
        if spec or conversion:
            raise MessageError(f"{code}: msg_each takes plain {{{name}}} placeholders only")
        value = values[name]
        out = out + (value.astype(str) if hasattr(value, "astype") else str(value))
    return out


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Chinese (its own strerror may be English)."""
    import errno

    for cls, code in (
        (PermissionError, "OS_PERMISSION"),
        (FileNotFoundError, "OS_NOT_FOUND"),
        (FileExistsError, "OS_EXISTS"),
        (NotADirectoryError, "OS_NOT_DIR"),
        (IsADirectoryError, "OS_IS_DIR"),
    ):
        if isinstance(exc, cls):
            return msg(code)
    return msg("OS_DISK_FULL" if exc.errno == errno.ENOSPC else "OS_OTHER")


def kind(code: str) -> str:
    """The 问题 column's label of a problem kind."""
    try:
        return KINDS[code]
    except KeyError:
        raise MessageError(f"unknown problem kind {code!r}") from None


def level(code: str) -> str:
    """The 级别 column's label of a problem level."""
    try:
        return LEVELS[code]
    except KeyError:
        raise MessageError(f"unknown problem level {code!r}") from None
