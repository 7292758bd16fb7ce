"""The quarterly partnership report: a print-ready page for a quarter and its PDF, made in the background."""
