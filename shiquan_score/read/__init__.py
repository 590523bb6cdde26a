"""Reading the inbox: files → raw sheets of text, each file checked from its bytes first."""
