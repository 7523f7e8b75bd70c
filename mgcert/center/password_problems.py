"""What is wrong with a new certificate password, in positive sentences (the checklist's
error line, the PFX dialogs and the CLI all say it the same way)."""

from __future__ import annotations

import unicodedata

from mgcert.messages import center as center_msg
from mgcert.npki.password_rule import MIN_LENGTH, check_password


def password_problems(password: str) -> list[str]:
    """What is wrong with a new password under the certificate password rule, one
    positive sentence per broken part (forbidden characters named first); [] if none."""
    value = unicodedata.normalize("NFC", password)
    report = check_password(value)
    problems = []
    forbidden = forbidden_characters(value)
    if forbidden:
        problems.append(center_msg.PASSWORD_HAS_FORBIDDEN.format(chars=" ".join(forbidden)))
    if not report.long_enough:
        problems.append(center_msg.PASSWORD_TOO_SHORT.format(min=MIN_LENGTH, length=len(value)))
    if not report.has_letter:
        problems.append(center_msg.PASSWORD_NEEDS_LETTER)
    if not report.has_digit:
        problems.append(center_msg.PASSWORD_NEEDS_DIGIT)
    if not report.has_special:
        problems.append(center_msg.PASSWORD_NEEDS_SPECIAL)
    return problems


def forbidden_characters(password: str) -> list[str]:
    """The characters the rule refuses, in typed order, each once; a space and Hangul
    named as such (a quote is shown as itself)."""
    found: list[str] = []
    for character in password:
        if check_password(character).no_forbidden:
            continue
        if character.isspace():
            shown = center_msg.PASSWORD_CHAR_SPACE
        elif unicodedata.name(character, "").startswith("HANGUL"):
            shown = center_msg.PASSWORD_CHAR_HANGUL
        else:
            shown = character
        if shown not in found:
            found.append(shown)
    return found
