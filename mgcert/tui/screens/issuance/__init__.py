"""The 공동인증서 발급/재발급 wizard: one screen, one module per step pane."""
