"""NKPK site generator: turns yearly code lists into a static reference site."""
