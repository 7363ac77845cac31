# Cadre — documents Cadre writes: minutes as Word and PDF, calendars, spreadsheets (English).
# Keep in step with ../fr/outputs.ftl.
