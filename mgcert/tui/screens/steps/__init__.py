"""What the part-2 flow screens share: the pane-switching base and the identity panes."""
