"""Wire dialects. A dialect never imports ``storage`` or another dialect."""
