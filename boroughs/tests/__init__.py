"""Tests of boroughs, places and their reads."""
