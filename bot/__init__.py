"""Surfaces: the command line, the console and the Slack app, over the same engine."""
