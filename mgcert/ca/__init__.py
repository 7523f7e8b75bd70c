"""Simulated certificate authorities (root + issuing CA); never sees a private key."""
