"""Raw ledger rows → canonical adoption events: text, dates, cells, every row's fate."""
