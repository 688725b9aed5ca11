"""Small pieces shared by every domain: request context, pagination, schema base classes."""
