"""Named points between the steps of a certificate job, where tests cut the power.

``MGCERT_TEST_CRASH_AT=<point>`` makes the process SIGKILL itself when it reaches that
point, so a test can prove that the next open rolls the job forward or back. Reading
an environment variable is all this costs in normal use.
"""

from __future__ import annotations

import os
import signal

CRASH_ENV = "MGCERT_TEST_CRASH_AT"

# In the order a 공동인증서 job passes them (금융인증서: the same, "written" = in the cloud).
POINTS = (
    "planned",  # recorded in the journal, nothing else done
    "charged",  # the fee is debited
    "key_parked",  # the encrypted key is in the job's folder (or the cloud's pending slot)
    "issued",  # the CA has recorded the certificate; the journal does not know yet
    "written",  # the files are on the medium
    "registered",  # the bank has registered the new certificate
    "retired",  # the previous certificate is revoked and unregistered
    "done",  # the journal says done; the job's folder is not yet removed
)


def crash_point(name: str) -> None:
    """SIGKILL this process if the test asked to crash at ``name``."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
