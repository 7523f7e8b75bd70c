"""The Textual app: screens and widgets over mgcert.center. The only layer importing Textual."""
