"""Shared sandbox core (contract documented below)."""
