"""Last period's published table (ours or hand-made) → 上期, and the cross-check."""
