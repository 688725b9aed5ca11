"""The script library: parameterised script templates, safe rendering, and the script builder."""
