"""What the model says across releases: comparison, successors, official change documents."""
