"""Template tags about projects: links into the register."""
