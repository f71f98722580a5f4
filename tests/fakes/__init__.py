"""In-memory stand-ins for the store's ports, so a use case's rules run without a database.

``FakeStore`` holds one fake repository per port (each in this package, beside the feature it
stands for); ``fake_tx`` gives a unit of work over it. A fake keeps the port's promises (ids,
once-only rules, ordering) with plain dicts, nothing more.
"""
