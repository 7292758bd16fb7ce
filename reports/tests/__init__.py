"""Tests of the quarterly report: its figures, its page, its PDF and the job that makes it."""
