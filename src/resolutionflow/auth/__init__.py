"""Authentication (passwords, tokens, sign-in) and authorization (principal + role dependencies)."""
