"""Test doubles that speak real wire protocols (LLM vendors, ...)."""
