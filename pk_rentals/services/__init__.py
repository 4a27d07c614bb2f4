"""Business rules as plain Python: no Reflex imports, unit-tested without a browser."""
