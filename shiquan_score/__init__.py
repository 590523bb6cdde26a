"""石泉县信息采用统计: the clerk's ledger in, the official tables out."""

__version__ = "0.1.0"
