"""Images that go to a model: which types, how many and how large (one set of limits for the
intake, assist conversations and images attached during a session), and which models accept
images at all.

Images are never redacted (nothing here reads pixels): the person sees which will be sent
before they are, and removes one from the session to keep it from the model.
"""

from __future__ import annotations

from resolutionflow.config import get_settings
from resolutionflow.providers.llm._common import SUPPORTED_IMAGE_TYPES

# What both vendors accept, in the order people name them.
VISION_TYPES: tuple[str, ...] = tuple(
    t for t in ("image/png", "image/jpeg", "image/gif", "image/webp") if t in SUPPORTED_IMAGE_TYPES
)
# The intake takes at most three files; one request carries at most as many images.
MAX_IMAGES = 3
MAX_IMAGE_BYTES = 5 * 1_048_576

# Model name prefixes per provider that accept image input. Claude 3 and later all do; Claude 2
# and Instant do not. On OpenAI the gpt-4o / 4.1 / 5 and o-series models do; gpt-3.5 and
# gpt-4 (the original) do not. Anything else is text-only unless the installation names it in
# RESOLUTIONFLOW_LLM_VISION_MODELS.
_VISION_PREFIXES: dict[str, tuple[str, ...]] = {
    "anthropic": ("claude-3", "claude-sonnet-4", "claude-opus-4", "claude-haiku-4", "claude-4"),
    "openai": (
        "gpt-4o",
        "chatgpt-4o",
        "gpt-4.1",
        "gpt-4-turbo",
        "gpt-4-vision",
        "gpt-5",
        "o1",
        "o3",
        "o4",
    ),
}
# o1-mini and o3-mini take text only.
_TEXT_ONLY: tuple[str, ...] = ("o1-mini", "o3-mini", "o1-preview")


def accepts_images(provider: str, model: str) -> bool:
    """Whether `model` of `provider` takes image input. The offline engine never does."""
    if provider == "offline":
        return False
    name = model.strip().lower()
    extra = {m.strip().lower() for m in get_settings().llm_vision_models.split(",") if m.strip()}
    if name in extra:
        return True
    # A dated or routed name ("anthropic/claude-3-5-sonnet", "claude-3-opus-20240229").
    base = name.rsplit("/", 1)[-1]
    if base.startswith(_TEXT_ONLY):
        return False
    return base.startswith(_VISION_PREFIXES.get(provider, ()))


def too_large(size: int) -> bool:
    return size > MAX_IMAGE_BYTES


LIMIT_TEXT = f"at most {MAX_IMAGES} images of up to {MAX_IMAGE_BYTES // 1_048_576} MiB each"
