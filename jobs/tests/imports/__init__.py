"""Tests of imports: cells, files, columns, lookups, row checks, writing and running an import job."""
