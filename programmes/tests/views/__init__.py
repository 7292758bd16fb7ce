"""Tests of the pages, one module per views module, and of every page at once (test_pages)."""
