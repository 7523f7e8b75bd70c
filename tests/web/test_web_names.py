"""Learner names → folder names: Hangul kept, NFC, nothing that leaves its folder."""

from __future__ import annotations

import unicodedata

import pytest

from mgcert.web.names import MAX_NAME_LENGTH, BadLearnerName, learner_name


def test_empty_or_blank_name_means_a_fresh_home() -> None:
    assert learner_name("") is None
    assert learner_name("   \t ") is None


def test_hangul_name_is_kept_and_trimmed() -> None:
    name = learner_name("  김 연습  ")
    assert name is not None
    assert name.shown == "김 연습"
    assert name.folder == "김_연습"


def test_decomposed_hangul_is_the_same_learner() -> None:
    decomposed = unicodedata.normalize("NFD", "홍길동")
    assert decomposed != "홍길동"
    name = learner_name(decomposed)
    assert name is not None
    assert name.folder == "홍길동"
    assert name.shown == "홍길동"


def test_latin_case_does_not_make_another_learner() -> None:
    first, second = learner_name("Kim Minsu"), learner_name("kim  MINSU")
    assert first is not None
    assert second is not None
    assert first.folder == second.folder == "kim_minsu"


@pytest.mark.parametrize(
    "text",
    ["../etc", "a/b", "a\\b", ".", "..", ".hidden", "이름\x00", "tab\x1b[31m", "한글!", "x:y"],
)
def test_names_that_could_leave_the_folder_are_refused(text: str) -> None:
    with pytest.raises(BadLearnerName) as refused:
        learner_name(text)
    assert "쓸 수 없는 글자" in str(refused.value)


def test_control_characters_are_named_by_code() -> None:
    with pytest.raises(BadLearnerName, match="U\\+0000"):
        learner_name("a\x00b")


def test_too_long_name_is_refused_in_korean() -> None:
    assert learner_name("가" * MAX_NAME_LENGTH) is not None
    with pytest.raises(BadLearnerName, match=f"{MAX_NAME_LENGTH}자까지"):
        learner_name("가" * (MAX_NAME_LENGTH + 1))


def test_jamo_digits_and_marks_are_allowed() -> None:
    name = learner_name("ㄱㄴ-2반_3")
    assert name is not None
    assert name.folder == "ㄱㄴ-2반_3"
