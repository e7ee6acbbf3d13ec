"""The page in the browser: `khenthuong web`."""
