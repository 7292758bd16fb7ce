"""Tests of the coverage reads: plain data in few queries, reviews, landlords."""
