"""Tests of the coverage analysis, its reads, pages, forms, services and permissions."""
