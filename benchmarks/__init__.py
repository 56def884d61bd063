"""Benchmarks for newsrepair (not part of the installed library)."""
