"""ResolutionFlow: guided troubleshooting flows, an AI copilot, and ticket notes that write themselves."""

__version__ = "0.1.0"
