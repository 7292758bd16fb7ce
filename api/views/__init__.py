"""The Partner API's views: the documentation, the tokens page and each resource."""
