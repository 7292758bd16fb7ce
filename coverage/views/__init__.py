"""The coverage pages, one module a page (or a pair of lists): thin views over the selectors and tables."""
