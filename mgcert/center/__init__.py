"""The certificate center's use cases; the TUI and the CLI are thin clients of this layer."""
