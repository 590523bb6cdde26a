"""The side commands: --template (a blank ledger) and --check-against (a hand-made table)."""
