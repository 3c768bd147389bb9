"""The passport's pages, one module per sub-domain."""
