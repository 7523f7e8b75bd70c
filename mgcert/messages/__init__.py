"""Every user-facing sentence, one module per layer (the single source of wording).

Screens, the CLI and exceptions take their text from here so wording stays consistent
and a translation could be added in one place. Modules: ``common``, ``npki``, ``ca``,
``bank``, ``center``, ``tui``.
"""
