"""Business rules as plain Python: no Reflex imports, unit-tested without a browser.

One calling convention: a service function is called with what the rule needs
(ids, parsed input; options keyword-only) and owns its unit of work, opening
``db.session()`` or ``db.reading()`` itself, so a state or an API route never touches
the database. Where a caller already holds a session (a webhook applying several
changes in one transaction, a test), it passes it by keyword (``session=``,
``connection=``). Lower-level building blocks that only ever run inside another
service's transaction (``identity.accounts``) take the session first.
States call services in a thread (``asyncio.to_thread``); ``tests/unit/test_code_shape``
keeps Reflex out of here and the database out of the states.
"""
