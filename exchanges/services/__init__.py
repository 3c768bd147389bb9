"""Writes on exchanges, one module per part: offers, applications, agreements."""
