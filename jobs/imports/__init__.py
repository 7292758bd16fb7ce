"""Imports: CSV or Excel files of projects and monitoring returns, read, checked row by row, then written at once."""
