"""Allow `python -m kratom_tui`."""

from kratom_tui.cli import main

raise SystemExit(main())
