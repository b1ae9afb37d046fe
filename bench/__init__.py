"""Benchmarking the archive: a synthetic corpus, page and engine measurements, a report."""
