"""The certificate picker and the password prompt every part-2 flow starts with."""
