"""Pure rules: no I/O, time passed in, stdlib only."""
