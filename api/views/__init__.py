"""The viewer's pages rendered on the server from the read answers the API gives (Jinja2 templates in
api/templates); the script in api/web enhances the same markup in the browser."""
