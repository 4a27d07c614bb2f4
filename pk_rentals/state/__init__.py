"""Reflex states: thin, they hold UI data and call services."""
