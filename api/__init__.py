"""The Partner API: the portal's data for partners' own systems, under the same rules as the pages."""
