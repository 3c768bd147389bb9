"""The exchanges pages, one module per part: offers, applications, agreements, the
mobility period, the coordinator's desk, saved searches and the calendar."""
