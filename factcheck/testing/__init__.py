"""Helpers for testing with factcheck: :mod:`factcheck.testing.strategies` draws realistic Arabic
and English numeric claims for hypothesis (needs the ``test`` extra)."""
