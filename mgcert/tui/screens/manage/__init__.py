"""인증서 관리: details, password change, copy, delete, revoke, PFX export and import."""
