"""``mgcert web``: the TUI in the browser, one process and one data home per tab.

- :mod:`mgcert.web.server` serves the page, the font and one websocket per tab through
  textual-serve (self-hosted: nothing leaves this machine).
- :mod:`mgcert.web.session` is the command each tab runs: it asks for an optional
  learner name, then runs :class:`mgcert.tui.app.MgcertApp` on that learner's home.
- :mod:`mgcert.web.names` and :mod:`mgcert.web.homes` turn a typed name into a safe
  folder and hold it for one tab at a time (neither imports Textual).
"""

# Here, not in mgcert.web.server, so that building the parser does not load aiohttp.
DEFAULT_PORT = 8390  # beside mgcert serve's 8389
DEFAULT_MAX_SESSIONS = 60
