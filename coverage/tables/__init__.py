"""What the coverage pages show: an analysis turned into rows and cells with names, words for each state, and links."""
