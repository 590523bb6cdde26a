"""Benchmark of the converter (issue 4): `python -m bench`. Not part of the installed package."""
