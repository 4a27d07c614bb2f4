"""Helpers shared by the test suites: real servers, factories, browser helpers."""
