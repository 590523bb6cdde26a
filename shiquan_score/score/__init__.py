"""Adoption events → points per unit and column, then 本期, 上期, 累计 and ranks."""
