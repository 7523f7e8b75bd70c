"""연습 과제 (practice missions): practice data homes, missions, judges, progress.

Below the TUI (no Textual here). Import the parts from their modules:
:mod:`mgcert.practice.marker` (what makes a data home a practice home),
:mod:`mgcert.practice.missions` (the missions, their situations and judges),
:mod:`mgcert.practice.tries` (starting and finishing a try),
:mod:`mgcert.practice.progress` (done / tries in the user's own data home),
:mod:`mgcert.practice.scam_call` (the 수상한 전화 of mission 10).
"""
