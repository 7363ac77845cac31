# Cadre — documents Cadre writes: minutes as Word and PDF, calendars, spreadsheets (French).
# Keep in step with ../en/outputs.ftl.
