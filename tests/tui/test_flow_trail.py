"""AnswerTrail without Textual: replay, forgetting, back, rewind, seal."""

from __future__ import annotations

from collections.abc import Hashable
from copy import deepcopy

from hypothesis import given
from hypothesis import strategies as st

from mgcert.tui.screens.steps.trail import AnswerTrail


def trail_of(*keys: str) -> AnswerTrail:
    """A trail that recorded ``keys`` in order, each answered with its key upper-cased."""
    trail = AnswerTrail()
    for key in keys:
        assert trail.replay(key) is None
        trail.record(key, key.upper())
    return trail


def replay_all(trail: AnswerTrail, keys: list[str]) -> list[object]:
    """Run the flow from the top: the answers replayed until the first unanswered step."""
    trail.restart()
    values: list[object] = []
    for key in keys:
        answer = trail.replay(key)
        if answer is None:
            break
        values.append(answer.value)
    return values


def test_replay_returns_the_recorded_answers_in_order() -> None:
    trail = trail_of("a", "b", "c")
    assert replay_all(trail, ["a", "b", "c", "d"]) == ["A", "B", "C"]
    assert trail.position == 3
    assert len(trail) == 3


def test_replay_of_an_answered_step_moves_on_without_recording() -> None:
    trail = trail_of("a", "b")
    trail.restart()
    answer = trail.replay("a")
    assert answer is not None
    assert (answer.key, answer.value) == ("a", "A")
    assert trail.position == 1
    assert len(trail) == 2


def test_another_key_at_a_position_forgets_it_and_everything_after() -> None:
    trail = trail_of("a", "b", "c")
    trail.restart()
    assert trail.replay("a") is not None
    assert trail.replay("x") is None  # the flow took another turn here
    assert len(trail) == 1
    trail.record("x", "X")
    assert replay_all(trail, ["a", "x", "b", "c"]) == ["A", "X"]


def test_record_in_the_middle_drops_what_followed() -> None:
    trail = trail_of("a", "b", "c")
    trail.restart()
    assert trail.replay("a") is not None
    trail.record("b", "B2")  # asked again (e.g. after rewind) and answered anew
    assert len(trail) == 2
    assert replay_all(trail, ["a", "b", "c"]) == ["A", "B2"]


def test_go_back_drops_exactly_the_last_answer() -> None:
    trail = trail_of("a", "b", "c")
    trail.go_back()
    assert replay_all(trail, ["a", "b", "c"]) == ["A", "B"]
    assert trail.position == 2  # the step shown again is "c"
    trail.go_back()
    trail.go_back()
    assert len(trail) == 0
    assert not trail.can_go_back()
    trail.go_back()  # nothing left: a no-op, never an error
    assert len(trail) == 0


def test_can_go_back_only_with_an_answer_after_the_seal() -> None:
    trail = AnswerTrail()
    assert not trail.can_go_back()
    trail.record("a", 1)
    assert trail.can_go_back()
    trail.seal()
    assert not trail.can_go_back()
    trail.record("b", 2)
    assert trail.can_go_back()


def test_go_back_never_drops_a_sealed_answer() -> None:
    trail = trail_of("a", "work")
    trail.seal()
    trail.record("done", None)
    trail.go_back()
    trail.go_back()
    trail.go_back()
    assert replay_all(trail, ["a", "work", "done"]) == ["A", "WORK"]
    assert trail.sealed


def test_rewind_to_drops_the_last_match_and_after_and_says_where() -> None:
    trail = trail_of("medium", "password", "medium", "password", "done")
    index = trail.rewind_to(lambda key: key == "medium")
    assert index == 2
    assert len(trail) == 2
    assert replay_all(trail, ["medium", "password", "medium"]) == ["MEDIUM", "PASSWORD"]
    assert trail.rewind_to(lambda key: key == "nothing") is None
    assert len(trail) == 2  # nothing matched: nothing dropped


def test_rewind_to_never_reaches_before_the_seal() -> None:
    trail = trail_of("pick", "prompt", "code")
    trail.restart()
    trail.replay("pick")
    trail.replay("prompt")
    trail.seal()  # sealed while replaying: "pick" and "prompt" only
    assert trail.rewind_to(lambda key: key == "pick") is None
    assert len(trail) == 3
    assert trail.rewind_to(lambda key: key == "code") == 2
    assert len(trail) == 2


def test_seal_while_replaying_seals_only_up_to_the_position() -> None:
    trail = trail_of("a", "b", "c", "d")
    trail.restart()
    trail.replay("a")
    trail.replay("b")
    trail.seal()
    assert trail.can_go_back()
    trail.go_back()
    trail.go_back()
    assert not trail.can_go_back()
    trail.go_back()
    assert replay_all(trail, ["a", "b", "c"]) == ["A", "B"]


def test_seal_again_never_moves_the_seal_back() -> None:
    trail = trail_of("a", "b", "c")
    trail.seal()  # all three
    trail.restart()
    trail.replay("a")
    trail.seal()  # at position 1: must not unseal "b" and "c"
    assert not trail.can_go_back()
    assert trail.rewind_to(lambda key: key == "c") is None


def test_a_fresh_trail_is_not_sealed() -> None:
    trail = AnswerTrail()
    assert not trail.sealed
    trail.seal()  # nothing answered: nothing final
    assert not trail.sealed


def test_go_back_or_rewind_before_a_restart_never_leaves_the_position_past_the_end() -> None:
    trail = trail_of("a", "b", "c")
    trail.go_back()
    assert trail.position == 2 == len(trail)
    trail.record("c", "C2")  # the step shown again, answered anew
    assert replay_all(trail, ["a", "b", "c"]) == ["A", "B", "C2"]
    assert trail.rewind_to(lambda key: key == "b") == 1
    assert trail.position == 1 == len(trail)


def test_a_turn_before_the_seal_takes_the_seal_with_it() -> None:
    trail = trail_of("a", "b")
    trail.seal()
    trail.restart()
    assert trail.replay("x") is None  # the flow went elsewhere before the sealed work
    assert len(trail) == 0
    assert not trail.sealed  # no answer is final any more
    trail.record("x", "X")
    assert trail.can_go_back()


KEYS = st.sampled_from(["a", "b", "c", "d"])
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("record"), KEYS),
        st.tuples(st.just("back"), st.none()),
        st.tuples(st.just("seal"), st.none()),
        st.tuples(st.just("rewind"), KEYS),
        st.tuples(st.just("replay"), st.lists(KEYS, max_size=6)),
    ),
    max_size=30,
)


@given(OPS)
def test_any_sequence_keeps_the_trail_consistent(ops: list[tuple[str, object]]) -> None:
    """A model of the trail (answers, position, seal) agrees with it after every move;
    the position never passes the end; a replay from the top returns exactly the kept
    answers; sealed answers are only ever lost when the flow itself took another turn."""
    trail = AnswerTrail()
    model: list[tuple[Hashable, object]] = []
    position = 0
    sealed = 0
    counter = 0
    for op, arg in ops:
        if op == "record":
            counter += 1
            del model[position:]
            trail.record(arg, counter)
            model.append((arg, counter))
            position += 1
        elif op == "back":
            trail.go_back()
            if len(model) > sealed:
                model.pop()
        elif op == "seal":
            trail.seal()
            sealed = max(sealed, position)
        elif op == "rewind":
            wanted = arg
            index = trail.rewind_to(lambda key, wanted=wanted: key == wanted)
            matches = [i for i in range(sealed, len(model)) if model[i][0] == arg]
            assert index == (matches[-1] if matches else None)
            if matches:
                del model[matches[-1] :]
        else:  # the flow runs again from the top with these step keys
            assert isinstance(arg, list)
            trail.restart()
            position = 0
            for key in arg:
                answer = trail.replay(key)
                if position < len(model) and model[position][0] == key:
                    assert answer is not None
                    assert answer.value == model[position][1]
                    position += 1
                else:
                    assert answer is None
                    del model[position:]
                    sealed = min(sealed, position)
                    break
        position = min(position, len(model))
        assert trail.position == position
        assert trail.position <= len(trail)
        assert len(trail) == len(model)
        assert trail.sealed == (sealed > 0)
        assert trail.can_go_back() == (len(model) > sealed)
        # From the top (on a copy: the sequence goes on from here), the kept answers
        # come back in order, and nothing more.
        copy = deepcopy(trail)
        keys = [str(key) for key, _ in model]
        assert replay_all(copy, [*keys, "end"]) == [value for _, value in model]
        assert copy.position == len(model)
