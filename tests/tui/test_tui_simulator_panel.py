"""The simulator panel's rough edges (issue 14, point 12): F2 opens on the tab the step
names, the 고객 tab and the footer fit 80×24, the phone keypad's # and * work."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, ContentSwitcher, DataTable, Digits, Input, Label, TabbedContent
from tui_driver import (
    choose_method,
    confirm_ars,
    open_simulator_tab,
    scenario_customer,
    settle,
    type_text,
    walk_to_identity,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.messages import identity_steps as identity_msg
from mgcert.messages import simulator_panel as panel_msg
from mgcert.npki.profile import CertificateKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.simulator.panel import SimulatorPanel
from mgcert.tui.screens.simulator.which_tab import simulator_tab_for
from mgcert.tui.widgets.key_footer import FooterEntry, KeyFooter, fit_entries

SIZE = (100, 36)
SMALL = (80, 24)
AppPilot = Any  # Pilot[None]; the driver's alias is for MgcertApp only


def active_tab(app: MgcertApp) -> str:
    panel = app.screen
    assert isinstance(panel, SimulatorPanel), panel
    return panel.query_one(TabbedContent).active


async def press_f2(pilot: AppPilot) -> None:
    await pilot.press("f2")
    await settle(pilot)


# ---------------------------------------------------------------- which tab F2 opens


class OtpPane(Vertical):
    SIMULATOR_TAB = "otp"


class CardPane(Vertical):
    SIMULATOR_TAB = "card"


class Steps(App[None]):
    """Two step panes in a switcher, as a flow shows them; the card pane is hidden."""

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="otp-pane"):
            with OtpPane(id="otp-pane"):
                yield Input(id="otp-field")
            with CardPane(id="card-pane"):
                yield Input(id="card-field")
        yield Button("outside", id="outside")


async def test_the_focused_widgets_step_names_the_tab() -> None:
    app = Steps()
    async with app.run_test() as pilot:
        app.query_one("#otp-field").focus()
        await pilot.pause()
        assert simulator_tab_for(app.screen) == "otp"
        # Focus outside any step: the shown step still decides, not the hidden one.
        app.query_one("#outside").focus()
        await pilot.pause()
        assert simulator_tab_for(app.screen) == "otp"
        app.query_one(ContentSwitcher).current = "card-pane"
        await pilot.pause()
        assert simulator_tab_for(app.screen) == "card"


async def test_no_step_names_no_tab() -> None:
    app = App[None]()
    async with app.run_test():
        assert simulator_tab_for(app.screen) is None


async def test_f2_on_home_opens_the_customers_tab(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_f2(pilot)
        assert active_tab(app) == "sim-customers-tab"


async def close_and_go_back(pilot: AppPilot) -> None:
    """Esc closes the panel, Esc again goes one step back (to the method choice)."""
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def test_f2_opens_the_tab_each_identity_step_names(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, scenario_customer(center, DemoScenario.ORDINARY))
        await choose_method(pilot, second=True)  # SMS: the inbox is on the phone tab
        await press_f2(pilot)
        assert active_tab(app) == "sim-phone-tab"
        await close_and_go_back(pilot)

        await pilot.press("up")  # back on the ARS/SMS choice, SMS still chosen
        await choose_method(pilot)  # ARS: the phone, with the keypad ready
        code = str(wizard(app).query_one("#ars-code", Digits).value)
        await press_f2(pilot)
        assert active_tab(app) == "sim-phone-tab"
        assert app.focused is app.screen.query_one("#sim-ars-keys")
        await type_text(pilot, code + "#")  # as on a real call, # ends the input
        await settle(pilot)
        assert ars_result(app) == panel_msg.SIM_PHONE_ACCEPTED
        await pilot.press("escape")
        await settle(pilot)
        await confirm_ars(pilot)

        await choose_method(pilot)  # 보안카드
        await press_f2(pilot)
        assert active_tab(app) == "sim-card-tab"
        await close_and_go_back(pilot)

        await choose_method(pilot, second=True)  # OTP
        assert "F2 → 'OTP' 탭" in identity_msg.OTP_INTRO  # what the step tells the user
        await press_f2(pilot)
        assert active_tab(app) == "sim-otp-tab"


# ---------------------------------------------------------------- 80×24


def column_span(table: DataTable[Any], label: str) -> tuple[int, int]:
    """Screen columns [start, end) of a table column, as scrolled now."""
    x = table.content_region.x - round(table.scroll_x)
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        if str(column.label) == label:
            return x, x + width
        x += width
    raise AssertionError(f"no column {label}")


async def test_customers_tab_shows_account_password_and_balance_at_80x24(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press_f2(pilot)
        table = app.screen.query_one("#sim-customer-table", DataTable)
        visible = table.content_region
        assert visible.right <= SMALL[0]
        for label in ("계좌번호", "비밀번호", "잔액"):
            assert label in panel_msg.SIM_CUSTOMER_COLUMNS
            start, end = column_span(table, label)
            assert visible.x <= start
            assert end <= visible.right, label
        # And the rows are there: the first customer's password and balance.
        first = center.simulator.sheets()[0].accounts[0]
        row = table.get_row_at(0)
        assert first.password in row
        assert panel_msg.SIM_BALANCE.format(won=first.balance_won) in row


async def test_f2_stays_in_the_manage_footer_at_80x24(app: MgcertApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(*["down"] * 4, "enter")  # 인증서 관리
        await settle(pilot)
        assert "manage" in type(app.screen).__module__
        footer = app.screen.query_one(KeyFooter)
        keys = {key.key: key for key in footer.children if hasattr(key, "key")}
        for needed in ("f1", "f2", "escape", "v", "x"):
            assert needed in keys, needed
            region = keys[needed].region
            assert footer.region.x <= region.x
            assert region.right <= footer.region.right <= SMALL[0], needed
        # Widened again, the footer draws the keys it left out (Ctrl+Q).
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert any(getattr(key, "key", None) == "ctrl+q" for key in footer.children)


def entry(key: str, description: str, *, palette: bool = False) -> FooterEntry:
    display = {"escape": "esc", "ctrl+q": "^q", "ctrl+p": "^p"}.get(key, key)
    return FooterEntry(Binding(key, key, description), display, True, "", palette=palette)


MANAGE_KEYS = [
    entry("escape", "뒤로"),
    entry("v", "상세보기"),
    entry("p", "암호 변경"),
    entry("c", "복사"),
    entry("d", "삭제"),
    entry("x", "폐기"),
    entry("ctrl+q", "종료"),
    entry("f1", "도움말"),
    entry("f2", "시뮬레이터"),
    entry("ctrl+p", "명령 검색", palette=True),
]


def test_footer_keeps_everything_when_there_is_room() -> None:
    kept, compact = fit_entries(MANAGE_KEYS, 140)
    assert kept == MANAGE_KEYS
    assert not compact


def test_footer_leaves_out_ctrl_q_and_ctrl_p_first() -> None:
    kept, compact = fit_entries(MANAGE_KEYS, 80)
    assert compact
    assert [e.binding.key for e in kept] == ["escape", "v", "p", "c", "d", "x", "f1", "f2"]
    assert sum(e.width(compact=True) for e in kept) <= 80


def test_footer_never_leaves_out_esc_f1_f2() -> None:
    kept, _ = fit_entries(MANAGE_KEYS, 20)
    assert [e.binding.key for e in kept] == ["escape", "f1", "f2"]


# ---------------------------------------------------------------- the keypad


async def ring_the_phone(pilot: AppPilot, center: CertificateCenter) -> str:
    """The bank calls the customer (an issuance started through the center), F2 opens
    on the ringing phone; the 승인번호 the issuance screen would show."""
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(customer.rrn, customer.account, customer.account_password)
    flow.agree_terms(True)
    code = flow.start_ars().code
    pilot.app.session.customer_id = customer.customer_id
    await settle(pilot)
    await press_f2(pilot)
    assert active_tab(pilot.app) == "sim-phone-tab"
    return code


def ars_answered(center: CertificateCenter) -> bool:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    return center.simulator.pending_ars(customer.customer_id) is None


def ars_result(app: MgcertApp) -> str:
    return str(app.screen.query_one("#sim-ars-result", Label).render())


async def test_typed_hash_ends_the_input(app: MgcertApp, center: CertificateCenter) -> None:
    async with app.run_test(size=SIZE) as pilot:
        code = await ring_the_phone(pilot, center)
        await type_text(pilot, code)
        assert not ars_answered(center)
        await pilot.press("#")
        await settle(pilot)
        assert ars_result(app) == panel_msg.SIM_PHONE_ACCEPTED
        assert ars_answered(center)


async def test_keypad_buttons_star_clears_and_hash_sends(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        code = await ring_the_phone(pilot, center)
        field = app.screen.query_one("#sim-ars-keys", Input)

        async def press(key: str, then: str | None) -> None:
            """Click a keypad button; wait until the field shows ``then`` (None: any)."""
            button = next(b for b in app.screen.query(".key").results(Button) if b.name == key)
            await pilot.click(button)
            for _ in range(50):  # the press reaches the tab as a message
                await settle(pilot)
                if then is None or field.value == then:
                    return
            assert field.value == then

        wrong = "1" if code[0] != "1" else "2"
        await press(wrong, wrong)
        await press(wrong, wrong * 2)  # at once again: a keypad counts every press
        await press("*", "")  # 다시 입력
        await press(code[0], code[0])
        await press(code[1], code)
        await press("#", None)
        assert ars_result(app) == panel_msg.SIM_PHONE_ACCEPTED
        assert ars_answered(center)


async def test_keys_typed_on_a_focused_keypad_button_key_in(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        code = await ring_the_phone(pilot, center)
        app.screen.query(".key").first(Button).focus()
        await pilot.pause()
        await type_text(pilot, code + "#")
        await settle(pilot)
        assert ars_answered(center)


async def test_hash_with_one_digit_asks_for_two(app: MgcertApp, center: CertificateCenter) -> None:
    async with app.run_test(size=SIZE) as pilot:
        code = await ring_the_phone(pilot, center)
        await type_text(pilot, code[0] + "#")
        await settle(pilot)
        assert ars_result(app) == panel_msg.SIM_PHONE_NEED_TWO
        assert not ars_answered(center)


# ---------------------------------------------------------------- looks


def test_panel_at_80x24_looks_right(snap_compare: Any, center: CertificateCenter) -> None:
    async def run_before(pilot: AppPilot) -> None:
        await settle(pilot)
        await press_f2(pilot)

    assert snap_compare(MgcertApp(center), terminal_size=SMALL, run_before=run_before)


def test_phone_tab_at_80x24_looks_right(snap_compare: Any, center: CertificateCenter) -> None:
    async def run_before(pilot: AppPilot) -> None:
        await settle(pilot)
        await open_simulator_tab(pilot, "sim-phone-tab")

    assert snap_compare(MgcertApp(center), terminal_size=SMALL, run_before=run_before)


async def test_opening_tab_unknown_name_falls_back(center: CertificateCenter) -> None:
    app = MgcertApp(center)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(SimulatorPanel(app.session, tab="nonsense"))
        await settle(pilot)
        assert active_tab(app) == "sim-customers-tab"
