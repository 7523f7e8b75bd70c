"""Korean particles (조사) chosen from the word they follow (DOMAIN.md "Wording").

A template names the particle as the field's format spec, in either of its two forms:
``"{what:을} 읽지 못했습니다"`` gives "비밀번호를 읽지 못했습니다" and "인증서 암호를 …";
``"{medium:은}"`` gives "보안토큰은" / "하드디스크는". Specs: 을/를, 이/가, 은/는, 과/와,
으로/로 (로 after ㄹ), 이나/나, 이라/라. Any other spec is the ordinary format spec.

:class:`Template` is a ``str`` whose :meth:`~Template.format` understands these specs, so
a message constant written as ``Template("…")`` is filled with the usual ``.format(...)``.

Which words "have a final consonant" (받침):

* a Hangul syllable: ``(code - 0xAC00) % 28 != 0``; ㄹ when that remainder is 8;
* a digit, read as Korean reads numbers: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 have one
  (1, 7, 8: ㄹ); 2 이, 4 사, 5 오, 9 구 have none (10 십, 100 백, 1000 천 all end in 0);
* a Latin letter, read as an acronym letter by letter ("PIN" 핀, "CRL" 씨알엘, "OTP"
  오티피): L, M, N, R have one (L and R: ㄹ), every other letter has none — this also
  suits most English words written in Latin letters ("USB" 유에스비, "PFX" 피에프엑스);
* trailing characters that are not read (closing brackets, quotes, dots, slashes,
  spaces) are skipped; a word with nothing readable counts as having no final consonant.
"""

from __future__ import annotations

import string
from typing import Any

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
_RIEUL = 8  # the final-consonant index of ㄹ

_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}
_LATIN_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}

# particle → (form after a final consonant, form after none)
_PAIRS: dict[str, tuple[str, str]] = {}
for _with, _without in (
    ("을", "를"),
    ("이", "가"),
    ("은", "는"),
    ("과", "와"),
    ("으로", "로"),
    ("이나", "나"),
    ("이라", "라"),
):
    _PAIRS[_with] = _PAIRS[_without] = (_with, _without)


def final_consonant(word: str) -> str | None:
    """The final consonant the word is read with: ``"ㄹ"``, another jamo mark, or ``None``.

    Only ㄹ versus the others matters to the particles; other finals are reported as
    ``"ㅇ"``-like marks (their exact letter is not needed).
    """
    for char in reversed(word):
        code = ord(char)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            index = (code - _HANGUL_FIRST) % 28
            if index == 0:
                return None
            return "ㄹ" if index == _RIEUL else "ㅇ"
        if char.isdigit() and char.isascii():
            return _DIGIT_FINAL.get(char)
        if char.isascii() and char.isalpha():
            return _LATIN_FINAL.get(char.lower())
        # brackets, quotes, punctuation, spaces: not read aloud, look further left
    return None


def particle(word: str, name: str) -> str:
    """The form of particle ``name`` (either form, e.g. ``"을"`` or ``"를"``) after ``word``."""
    with_final, without_final = _PAIRS[name]
    final = final_consonant(word)
    if with_final == "으로":
        return "으로" if final is not None and final != "ㄹ" else "로"
    return with_final if final is not None else without_final


def attach(word: str, name: str) -> str:
    """``word`` followed by the right form of particle ``name``: ``attach("PIN", "이")`` → "PIN이"."""
    return word + particle(word, name)


def is_particle(spec: str) -> bool:
    """True when ``spec`` names a particle this module chooses."""
    return spec in _PAIRS


class ParticleFormatter(string.Formatter):
    """``str.format`` plus particle specs (``{name:을}``)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in _PAIRS:
            text = str(value)
            return attach(text, format_spec)
        return str(super().format_field(value, format_spec))


_FORMATTER = ParticleFormatter()


def fill(template: str, /, *args: object, **values: object) -> str:
    """Fill ``template`` as ``str.format`` does, choosing each ``{field:particle}``."""
    return _FORMATTER.vformat(template, args, values)


class Template(str):
    """A message template whose :meth:`format` chooses the particles (see module doc)."""

    __slots__ = ()

    def format(self, /, *args: object, **kwargs: object) -> str:
        return fill(str(self), *args, **kwargs)
