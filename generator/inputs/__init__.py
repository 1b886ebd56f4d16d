"""Reading the inputs: the manifest, the readers of each file format, cleaning and diagnostics."""
