"""Tests of the programmes app, one module per module it tests (selectors/, services/ and views/ as packages)."""
