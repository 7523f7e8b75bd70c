"""What the simulator panel's buttons do, shared with the command palette.

Each action works on the session's current customer (the first demo customer until
one is chosen) and returns the sentence to show, so the panel and the palette say the
same thing.
"""

from __future__ import annotations

from datetime import timedelta

from mgcert.errors import MgcertError
from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.session import TuiSession

# 시계 tab's travel steps, by name (its buttons are ``sim-clock-<name>``).
CLOCK_STEPS: dict[str, timedelta] = {
    "day": timedelta(days=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}


def current_customer(session: TuiSession) -> int:
    """Whose devices the simulator shows: the chosen customer, else the first one."""
    if session.customer_id is None:
        session.customer_id = session.center.simulator.sheets()[0].customer_id
    return session.customer_id


def customer_name(session: TuiSession) -> str:
    customer_id = current_customer(session)
    return next(
        sheet.name
        for sheet in session.center.simulator.sheets()
        if sheet.customer_id == customer_id
    )


def travel(session: TuiSession, step: str) -> str | None:
    """Move the simulated clock forward by ``CLOCK_STEPS[step]``; the refusal's text if
    it did not move (beyond the clock's bound), else None."""
    try:
        session.center.simulator.advance_clock(CLOCK_STEPS[step])
    except MgcertError as error:
        return str(error)
    return None


def clock_now(session: TuiSession) -> str:
    """The simulated time, as the 시계 tab shows it."""
    now = session.center.clock.now_kst()
    return sim_msg.SIM_CLOCK_NOW.format(now=f"{now:%Y-%m-%d %H:%M:%S} KST")


def reset_clock(session: TuiSession) -> None:
    session.center.simulator.reset_clock()


def visit_branch(session: TuiSession) -> str:
    """지점 방문: unlock every check of the current customer; says whose."""
    session.center.simulator.unlock(current_customer(session))
    return sim_msg.SIM_BRANCH_DONE.format(name=customer_name(session))
