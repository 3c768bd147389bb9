"""The demo network's sectors, schools and public bodies: the rows ``demo.partners`` loads."""

from demo.fields import data_rows

# slug, names
SECTORS = {row.pop("slug"): row for row in data_rows("sectors")}
# slug, kind, municipality, sectors (separated by spaces), names and descriptions (empty where
# there is none; without a Finnish name, the local one)
ORGANISATIONS = data_rows("organisations")
