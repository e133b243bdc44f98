"""The Slack app: Bolt wiring, one module per surface, Block Kit builders and the knowledge-base reloader."""
