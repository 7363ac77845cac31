# Cadre — the web interface (French). Keep in step with ../en/web.ftl.
