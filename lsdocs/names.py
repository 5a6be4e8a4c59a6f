"""Names and defaults that the library and the command line's help both show.

This module imports nothing, so a command's ``--help`` can name them without
loading the code that uses them (see ``tests/cli/test_startup.py``).
"""

#: the environment variable naming the outgoing-document register (lsdocs.issuing)
REGISTER_ENV = "LSDOCS_REGISTER"
#: the longer side of a page preview, in pixels (lsdocs.issuing.preview)
DEFAULT_PREVIEW_SIZE = 1000
#: the kinds of starter ``lsdocs new`` writes (lsdocs.starter)
STARTER_KINDS = ("ke-hoach",)
