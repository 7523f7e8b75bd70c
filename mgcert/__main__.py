"""`python -m mgcert` runs the same entry point as the `mgcert` command."""

from mgcert.cli import main

raise SystemExit(main())
