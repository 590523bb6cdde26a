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
    "USAGE_OTHER": "请对照说明检查各个选项的写法",
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
    "INTERNAL_LOG_HEAD": "石泉县信息采用统计 程序内部错误记录\n时间：{time}\n命令：{argv}\n",
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
}

# Problem kinds: the label shown in the 问题 sheet's 问题 column.
KINDS: dict[str, str] = {}


class MessageError(Exception):
    """A message asked for with an unknown code or the wrong values: a bug, not the clerk's."""


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
