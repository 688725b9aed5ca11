"""PSA integration: connection settings, ticket context, member mapping and the push outbox."""
