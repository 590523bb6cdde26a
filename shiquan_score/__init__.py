"""石泉县信息采用统计: the clerk's ledger in, the official tables out."""

from pathlib import Path

__version__ = "0.1.0"

# Here, not in scheme/loader.py, so that cli.py can name the defaults without importing pandas.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_RULES = TEMPLATES / "rules.toml"
DEFAULT_ROSTER = TEMPLATES / "roster.toml"
DEFAULT_NOTICE = TEMPLATES / "notice.toml"
