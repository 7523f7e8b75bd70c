"""Certificate job ids as the bank takes them (DESIGN.md "Certificate jobs").

The center records every issuance as a job before its first side effect and passes
the job's id to each bank step, so that repeating a step (a retry, a recovery after a
crash) does nothing the second time. An id is 32 lowercase hex digits (128 random
bits, e.g. ``secrets.token_hex(16)`` or ``uuid4().hex``). A malformed id is a bug in
the caller, not user input: ``ValueError``.
"""

from __future__ import annotations

import re

_JOB_ID = re.compile(r"[0-9a-f]{32}")


def check_job_id(job_id: str) -> str:
    """Return ``job_id`` if it is 32 lowercase hex digits, else raise ValueError."""
    if not isinstance(job_id, str) or not _JOB_ID.fullmatch(job_id):
        raise ValueError("job id must be 32 lowercase hexadecimal digits")
    return job_id


def check_optional_job_id(job_id: str | None) -> str | None:
    """:func:`check_job_id`, letting None (a step without a job) through."""
    return None if job_id is None else check_job_id(job_id)
