"""Adapters to external systems (LLM, embeddings, notifications) behind small interfaces."""
