"""Pages, one module per concept of the partnership; each reads a selector or calls one service."""
