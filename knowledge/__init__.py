"""The knowledge base: YAML files loaded and validated into frozen dataclasses, and the engine."""
