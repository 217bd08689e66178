"""`kratom-tui config`: where the settings file is, and a commented example with every key."""

from __future__ import annotations

from kratom_tui.settings import Settings

_DEFAULTS = Settings()

EXAMPLE = f"""\
# kratom-tui settings. Every key is optional; a missing key keeps its default.
# Save this as the file `kratom-tui paths` names "settings" (kratom-tui config --example > FILE).
# A file that cannot be read is reported when the app starts, and the defaults are used.

# The numbers shown on the urgent-help screen (key `!`). Set the ones that work where you live.
urgent_help:
  # The poison-help line.
  poison_help: "{_DEFAULTS.poison_help}"
  # The emergency number where you live (911 in the US and Canada, 112 in the EU, 999 in the UK).
  emergency: "{_DEFAULTS.emergency}"
"""
