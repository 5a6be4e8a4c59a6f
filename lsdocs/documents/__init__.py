"""Turn content into template contexts: one module per kind of document."""
