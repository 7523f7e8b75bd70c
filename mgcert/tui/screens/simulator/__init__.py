"""The simulator panel: the customer's phone, 보안카드, OTP device, the clock, the branch."""
