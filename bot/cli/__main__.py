"""python -m bot.cli: the same as the deskdrill command."""

from bot.cli import main

raise SystemExit(main())
