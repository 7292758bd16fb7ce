"""Tests of the coverage pages through the real client and database, page by page."""
