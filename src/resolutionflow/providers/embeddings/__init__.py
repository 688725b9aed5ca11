"""Text embeddings behind one small interface, chosen by installation settings
(RESOLUTIONFLOW_EMBEDDINGS_PROVIDER): `none` (default — retrieval is full-text only), `openai`
(the official SDK; any OpenAI-compatible base URL, so a local Ollama or vLLM serving an embedding
model works offline), `voyage` (Voyage AI's HTTP API), and `local` (sentence-transformers, only
when that package and the model's files are already on the machine — nothing is downloaded)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol

import httpx


class EmbeddingError(Exception):
    """Embedding failed; retrieval carries on with full-text search alone."""


class Embedder(Protocol):
    name: str
    model: str

    async def embed(self, texts: list[str]) -> list[list[float]]: ...


@dataclass(frozen=True)
class EmbeddingConfig:
    provider: str = "none"
    model: str = ""
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout_s: float = 20.0


def normalise(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


def cosine(a: list[float], b: list[float]) -> float:
    """Of normalised vectors: their dot product."""
    return sum(x * y for x, y in zip(a, b, strict=False))


class OpenAIEmbedder:
    name = "openai"

    def __init__(self, config: EmbeddingConfig) -> None:
        from openai import AsyncOpenAI

        self.model = config.model or "text-embedding-3-small"
        self._client = AsyncOpenAI(
            api_key=config.api_key or "not-needed",
            base_url=config.base_url,
            timeout=config.timeout_s,
            max_retries=2,
        )

    async def embed(self, texts: list[str]) -> list[list[float]]:
        import openai

        try:
            result = await self._client.embeddings.create(model=self.model, input=texts)
        except openai.OpenAIError as exc:
            raise EmbeddingError(f"embedding request failed ({type(exc).__name__})") from None
        return [normalise(list(d.embedding)) for d in sorted(result.data, key=lambda d: d.index)]


class VoyageEmbedder:
    name = "voyage"

    def __init__(self, config: EmbeddingConfig) -> None:
        self.model = config.model or "voyage-3.5-lite"
        self._url = (config.base_url or "https://api.voyageai.com/v1").rstrip("/") + "/embeddings"
        self._key = config.api_key or ""
        self._timeout = config.timeout_s

    async def embed(self, texts: list[str]) -> list[list[float]]:
        try:
            async with httpx.AsyncClient(timeout=self._timeout) as client:
                r = await client.post(
                    self._url,
                    headers={"Authorization": f"Bearer {self._key}"},
                    json={"input": texts, "model": self.model},
                )
            r.raise_for_status()
            data = r.json()["data"]
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            raise EmbeddingError(f"embedding request failed ({type(exc).__name__})") from None
        return [normalise(list(d["embedding"])) for d in sorted(data, key=lambda d: d["index"])]


class LocalEmbedder:
    name = "local"

    def __init__(self, config: EmbeddingConfig) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbeddingError(
                "local embeddings need the sentence-transformers package (not installed)"
            ) from None
        self.model = config.model or "all-MiniLM-L6-v2"
        try:
            # local_files_only: the product never downloads weights at run time.
            self._st = SentenceTransformer(self.model, local_files_only=True)
        except Exception as exc:  # the library raises several kinds for a missing model
            raise EmbeddingError(
                f"local embedding model {self.model!r} is not on this machine"
            ) from exc

    async def embed(self, texts: list[str]) -> list[list[float]]:
        import asyncio

        vectors = await asyncio.to_thread(self._st.encode, texts, normalize_embeddings=True)
        return [list(map(float, v)) for v in vectors]


def build_embedder(config: EmbeddingConfig) -> Embedder | None:
    """None when embeddings are off; raises EmbeddingError when configured but unusable."""
    if config.provider in ("", "none"):
        return None
    if config.provider == "openai":
        return OpenAIEmbedder(config)
    if config.provider == "voyage":
        return VoyageEmbedder(config)
    if config.provider == "local":
        return LocalEmbedder(config)
    raise EmbeddingError(f"unknown embeddings provider {config.provider!r}")
