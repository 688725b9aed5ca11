"""The bundled sentence encoder (providers/embeddings/minilm.py) computes what the model's own
library computes: minilm_reference.json holds vectors that sentence-transformers (on PyTorch, in
a scratch environment, from the same installed package files; see its "made_by") gave for a
short text, one with non-ASCII punctuation, one token, and one cut at 256 tokens."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

from resolutionflow.providers.embeddings import minilm

REFERENCE = json.loads((Path(__file__).parent / "minilm_reference.json").read_text())


def test_the_encoder_is_installed_with_the_product() -> None:
    # `make install` puts the model package in; a missing one would silently turn FlowPilot's
    # matching back to words alone, so here it is an error, not a skip.
    assert minilm.available()
    assert minilm.encoder() is minilm.encoder()  # loaded once per process


def test_vectors_match_sentence_transformers() -> None:
    encoder = minilm.encoder()
    assert encoder is not None
    got = encoder.encode(REFERENCE["texts"])
    want = np.array(REFERENCE["vectors"], dtype=np.float32)
    assert got.shape == (len(REFERENCE["texts"]), minilm.DIMENSIONS)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    # Same vectors (the reference is rounded to 6 decimals).
    assert np.abs(got - want).max() < 1e-4
    # In any batch order and alone: padding never leaks into a text's vector.
    alone = np.stack([encoder.encode([t])[0] for t in reversed(REFERENCE["texts"])])[::-1]
    assert np.abs(alone - want).max() < 1e-4


def test_a_text_is_read_up_to_max_tokens() -> None:
    encoder = minilm.encoder()
    assert encoder is not None
    long = "Printer on floor 3 shows offline. " * 40
    # [CLS] + six word pieces + [SEP]: the first sentence without its full stop.
    cut, first = encoder.encode([long, "Printer on floor 3 shows offline"], max_tokens=8)
    assert np.abs(cut - first).max() < 1e-5
    assert np.abs(cut - encoder.encode([long])[0]).max() > 1e-3


def test_meaning_beyond_shared_words() -> None:
    encoder = minilm.encoder()
    assert encoder is not None
    no_power, notebook_dead, brakes = encoder.encode(
        [
            "Laptop won't power on when the button is pressed",
            "The notebook is completely dead, nothing happens",
            "The brakes squeal when I stop the car",
        ]
    )
    assert float(no_power @ notebook_dead) > float(no_power @ brakes) + 0.3


def test_empty_input_and_threads() -> None:
    encoder = minilm.encoder()
    assert encoder is not None
    assert encoder.encode([]).shape == (0, minilm.DIMENSIONS)
    want = np.array(REFERENCE["vectors"][0], dtype=np.float32)
    results: list[np.ndarray] = []

    def run() -> None:
        results.append(encoder.encode([REFERENCE["texts"][0]])[0])

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(np.abs(r - want).max() < 1e-4 for r in results)
