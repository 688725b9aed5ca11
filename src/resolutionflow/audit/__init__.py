"""The security audit log: recording events and listing them for team admins."""
