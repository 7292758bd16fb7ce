"""The coverage pages' forms: the analysis's filters, the overlap review and the map's choices."""
