"""Keys typed faster than the screen reacts still land where the person meant them.

Textual routes each key the moment the app takes it from the terminal: to whichever
widget has focus *then*. What a key does to focus happens later, several message hops
away: Tab is a screen binding that only runs after the key has bubbled from the focused
Input up to the app; Enter in a field posts ``Input.Submitted``, whose handler calls
``focus()``, which is itself queued on the app; a new wizard pane focuses its first
field in ``call_after_refresh``. A burst (a paste, a fast typist, ``tmux send-keys``)
is already in the app's queue by then, so every key after the first Tab or Enter went
to the field that was focused at the start — a full, length-limited field, which drops
them.

:class:`KeyOrder` holds each key until the previous one has finished moving focus, so a
burst is handled exactly as if it had been typed slowly. When nothing is pending (the
usual case) a key is delivered at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import Widget

# Never hold a key longer than this, even if the screen never goes quiet (a busy
# animation) or a callback never comes back (its screen was closed): late beats lost.
MAX_HOLD_SECONDS = 0.5

# Keys that act at once even while others are held: quitting must never wait.
NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})

Deliver = Callable[[events.Key], Awaitable[None]]


class KeyOrder:
    """A queue of typed keys in front of the app's own routing (see the module doc)."""

    def __init__(self, app: App[None], deliver: Deliver) -> None:
        self._app = app
        self._deliver = deliver
        self._keys: deque[events.Key] = deque()
        self._round = 0  # which wait a callback belongs to; stale ones are ignored
        self._waiting = False
        self._held_since = 0.0
        self._watchdog: Timer | None = None
        self._holds = 0  # while > 0, keys wait for the screen about to open

    @property
    def pending(self) -> int:
        """Keys received but not yet delivered."""
        return len(self._keys)

    def hold(self) -> None:
        """Keep every key (but quit) until :meth:`release`: a screen is about to open
        (the center is still opening) and the keys are meant for it."""
        self._holds += 1

    def release(self) -> None:
        """Undo one :meth:`hold`; held keys then go out in order as usual."""
        self._holds = max(0, self._holds - 1)
        if not self._holds and self._keys:
            self._held_since = monotonic()  # start the fair wait now, not when held
            if not self._waiting:
                self._wait()

    async def receive(self, key: events.Key) -> None:
        """A key from the terminal: deliver it now if the screen is quiet, else queue it."""
        if self._holds and key.key in NEVER_HELD:
            await self._deliver(key)
            return
        if not self._keys:
            self._held_since = monotonic()
        self._keys.append(key)
        if not self._waiting:
            await self._drain()

    async def _drain(self) -> None:
        if not self._keys or self._holds:
            return
        overdue = monotonic() - self._held_since > MAX_HOLD_SECONDS
        if not overdue and not self._quiet():
            self._wait()
            return
        await self._deliver(self._keys.popleft())
        self._held_since = monotonic()
        # What that key sets off (bubbling, handlers, focus moves) is queued now; the
        # next key waits for it.
        self._wait()

    def _wait(self) -> None:
        """Come back once every pump on the key's path has handled what it had queued
        and the screen has refreshed (which runs ``call_after_refresh`` callbacks)."""
        self._round += 1
        this_round = self._round
        self._waiting = True
        if self._watchdog is not None:
            self._watchdog.stop()
        self._watchdog = self._app.set_timer(
            MAX_HOLD_SECONDS, lambda: self._resume(this_round), name="key-order"
        )
        remaining = 0

        def passed() -> None:
            nonlocal remaining
            remaining -= 1
            if remaining == 0:
                self._fence_passed(this_round)

        for pump in self._path():
            if pump.call_later(passed):
                remaining += 1
        if remaining == 0:
            self._fence_passed(this_round)

    def _fence_passed(self, this_round: int) -> None:
        """Everything queued on the key's path when it was delivered has been handled."""
        if self._refresh_pending():
            # A pane focuses its first field after the next refresh.
            self._app.call_after_refresh(self._resume, this_round)
        else:
            self._app.call_later(self._resume, this_round)

    async def _resume(self, this_round: int) -> None:
        if this_round != self._round or not self._waiting:
            return  # a later wait superseded this one, or it already resumed
        self._waiting = False
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        await self._drain()

    def _path(self) -> list[MessagePump]:
        """The app, the screen, and the focused widget with its ancestors: where a key's
        bubbling and handlers run."""
        pumps: list[MessagePump] = [self._app]
        try:
            screen = self._app.screen
        except Exception:  # no screen yet or any more
            return pumps
        pumps.append(screen)
        node: Widget | None = screen.focused
        while node is not None and node is not screen:
            pumps.append(node)
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        return pumps

    def _refresh_pending(self) -> bool:
        """Callbacks waiting for the screen's next refresh (``call_after_refresh``)."""
        try:
            screen = self._app.screen
        except Exception:  # no screen yet or any more
            return False
        # Textual keeps them in a private list; if that ever changes, wait for a refresh
        # every time (slower, still correct).
        callbacks = getattr(screen, "_callbacks", None)
        return not isinstance(callbacks, list) or bool(callbacks)

    def _quiet(self) -> bool:
        """Nothing queued on the app or anywhere on the current screen."""
        if self._app.message_queue_size:
            return False
        try:
            screen = self._app.screen
        except Exception:  # no screen yet or any more
            return True
        return not any(node.message_queue_size for node in screen.walk_children(with_self=True))
