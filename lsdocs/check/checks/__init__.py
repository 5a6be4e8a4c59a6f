"""Check functions, one module per area; :mod:`lsdocs.check.rules` lists them."""
