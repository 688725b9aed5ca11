"""Building flows with AI: the flow builder (a description → a draft flow, validated by the same
validator, repaired by the model up to twice) and the KB accelerator (an article → a procedural
flow offline from its headings and numbered steps, or a troubleshooting tree from the model).
Whatever comes out is a draft for review, never published."""
