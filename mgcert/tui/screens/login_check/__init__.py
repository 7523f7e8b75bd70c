"""인증서 로그인 확인: sign and show each of the bank's checks."""
