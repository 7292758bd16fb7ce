"""Reads for coverage: the plain data the analysis takes, overlap reviews, landlords' places and the map's counts."""
