"""인증서 갱신: pick, password, identity check, new password or keep, result."""
