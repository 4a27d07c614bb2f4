"""Reusable interface pieces."""
