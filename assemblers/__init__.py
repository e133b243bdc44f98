"""Document assembly: knowledge base + template -> Markdown -> .docx in the house style."""

from __future__ import annotations

from assemblers.errors import AssemblyError

__all__ = ["AssemblyError"]
