"""ResolutionAssist: the copilot's knowledge and voice. Retrieval over the account's published
flows, resolved sessions and knowledge documents; the offline engine that answers from them with
sources and confidences; the in-session copilot chat; standalone conversations."""
