"""The exchanges pages, one module per part."""
