"""What a file really is; hostile or broken files refused before any parser opens them."""
