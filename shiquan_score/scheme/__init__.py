"""The scheme, data in and validated: rules (weights, vocabularies, layout) and the roster."""
