# Cadre — the web interface (English). Keep in step with ../fr/web.ftl.
