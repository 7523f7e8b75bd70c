"""Where mgcert keeps its state: the data home.

Resolution order (DESIGN.md "Data home"): ``$MGCERT_HOME``, else ``--home DIR``,
else platformdirs' user data dir. Every layer takes a :class:`DataHome` instead of
computing paths itself, so tests and the CLI can point everything at one folder.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mgcert.errors import DataHomeUnavailable

HOME_ENV = "MGCERT_HOME"
APP_NAME = "mgcert"


@dataclass(frozen=True)
class DataHome:
    """The folder holding the bank, the CAs, the simulated media and the clock."""

    root: Path

    @classmethod
    def resolve(
        cls, cli_home: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
    ) -> DataHome:
        """Pick the data home: ``$MGCERT_HOME``, then ``--home``, then platformdirs."""
        environ = os.environ if env is None else env
        chosen = environ.get(HOME_ENV) or cli_home
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        import platformdirs  # only when no folder is given (tests and scripts give one)

        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    def ensure(self) -> DataHome:
        """Create the folder (0700: it holds CA keys and parked certificates).

        Raises :class:`DataHomeUnavailable` if it cannot be created or written.
        """
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise DataHomeUnavailable(str(self.root), error.strerror or str(error)) from error
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise DataHomeUnavailable(str(self.root), os.strerror(errno.EACCES))
        return self

    @property
    def bank_db(self) -> Path:
        return self.root / "bank.db"

    @property
    def ca_db(self) -> Path:
        return self.root / "ca.db"

    @property
    def ca_dir(self) -> Path:
        return self.root / "ca"

    @property
    def other_ca_db(self) -> Path:
        """The second, independent CA ("another institution") for 타기관 flows."""
        return self.root / "other-ca.db"

    @property
    def other_ca_dir(self) -> Path:
        return self.root / "other-ca"

    @property
    def journal_db(self) -> Path:
        """The center's journal of certificate jobs (mgcert.center.journal)."""
        return self.root / "jobs.db"

    @property
    def job_locks_dir(self) -> Path:
        """One lock file per running job, held by the process running it."""
        return self.root / "jobs"

    @property
    def manifest_file(self) -> Path:
        """What this data home holds, written when it is created (mgcert.center.manifest)."""
        return self.root / "manifest.json"

    @property
    def clock_file(self) -> Path:
        return self.root / "clock.json"

    @property
    def recovery_dir(self) -> Path:
        """Encrypted certificates that were issued but could not be written to a medium."""
        return self.root / "recovery"

    @property
    def media_dir(self) -> Path:
        """Roots of the simulated media that live inside the data home."""
        return self.root / "media"

    @property
    def harddisk_root(self) -> Path:
        return self.media_dir / "harddisk"

    @property
    def phone_root(self) -> Path:
        return self.media_dir / "phone"

    @property
    def removable_default_root(self) -> Path:
        """Default 이동식디스크 mount point offered by the folder picker."""
        return self.media_dir / "usb"
