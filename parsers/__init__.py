"""Parsers that turn legacy PDF and Word forms into records (see issue 4); one module per kind."""
