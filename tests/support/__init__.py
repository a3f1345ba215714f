"""What tests share besides fixtures: the app as tests build it, a browser-like client, the
forms the import tests upload. Plain modules, imported by name; the conftest files build their
fixtures from them and nothing imports a conftest."""
