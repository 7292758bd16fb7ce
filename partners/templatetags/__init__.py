"""Template tags about organisations and people."""
