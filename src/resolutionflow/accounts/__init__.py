"""Accounts (tenants): the operator's view of all of them and each account's view of itself."""
