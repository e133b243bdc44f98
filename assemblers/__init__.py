"""Document assembly: knowledge base + template -> Markdown -> .docx in the house style."""
