"""CenterLoader: one open, in a thread; its result or its error; closed once."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, cast

import pytest

from mgcert.center import CertificateCenter
from mgcert.tui.loader import CenterLoader, CenterNotReady


class FakeCenter:
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def as_center(fake: FakeCenter) -> CertificateCenter:
    return cast(CertificateCenter, fake)


def test_opens_once_in_another_thread_and_closes_what_it_opened() -> None:
    fake = FakeCenter()
    calls: list[str] = []

    def opener() -> CertificateCenter:
        calls.append(threading.current_thread().name)
        return as_center(fake)

    loader = CenterLoader(opener)
    with pytest.raises(CenterNotReady):
        _ = loader.center
    assert loader.error is None
    loader.start()
    loader.start()
    loader.close()
    assert calls == ["mgcert-open-center"]
    assert loader.ready
    assert loader.center is cast(Any, fake)
    assert fake.closed == 1


def test_keeps_the_error_and_never_becomes_ready() -> None:
    boom = OSError("disk gone")

    def opener() -> CertificateCenter:
        raise boom

    loader = CenterLoader(opener)
    loader.start()
    loader.close()
    assert not loader.ready
    assert loader.error is boom
    with pytest.raises(CenterNotReady):
        _ = loader.center


def test_an_already_open_center_is_ready_and_left_to_its_owner() -> None:
    fake = FakeCenter()
    loader = CenterLoader.opened(as_center(fake))
    assert loader.ready
    loader.start()  # nothing to do
    loader.close()
    assert fake.closed == 0


async def test_wait_starts_the_open_and_returns_the_center() -> None:
    fake = FakeCenter()
    loader = CenterLoader(lambda: as_center(fake))
    assert await loader.wait() is cast(Any, fake)
    loader.close()
    assert fake.closed == 1


async def test_wait_raises_the_error() -> None:
    def opener() -> CertificateCenter:
        raise ValueError("bad")

    loader = CenterLoader(opener)
    with pytest.raises(ValueError, match="bad"):
        await loader.wait()


async def test_a_cancelled_wait_leaves_the_open_to_finish_and_be_closed() -> None:
    fake = FakeCenter()
    gate = threading.Event()

    def opener() -> CertificateCenter:
        gate.wait(10)
        return as_center(fake)

    loader = CenterLoader(opener)
    waiting = asyncio.ensure_future(loader.wait())
    await asyncio.sleep(0.01)
    waiting.cancel()  # the app quit while the center was still opening
    with pytest.raises(asyncio.CancelledError):
        await waiting
    gate.set()
    loader.close()
    assert loader.error is None
    assert loader.ready
    assert fake.closed == 1
