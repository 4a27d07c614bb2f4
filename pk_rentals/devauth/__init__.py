"""The Clerk-compatible identity server for development and tests (never production).

It speaks Clerk's shapes so the production code path runs in every test: see
../shared/DESIGN.md, "The Clerk-compatible identity server".
"""
