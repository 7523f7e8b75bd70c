"""연습 과제 in the TUI: the mission list, a running try, its banner keys, the debrief."""
