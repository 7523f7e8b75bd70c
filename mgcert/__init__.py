"""mgcert — a simulator of MG더뱅킹's certificate center (인증센터) writing real NPKI files."""

__version__ = "0.1.0"
