"""The REST API: one URL tree wiring the endpoints each app defines in its `api_urls`."""
