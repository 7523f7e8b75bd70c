"""인증서 내보내기/가져오기 with a one-time 12-digit code."""
