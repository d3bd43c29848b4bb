"""User-facing errors: the CLI prints their message as one line, without a traceback."""


class BroadsheetError(Exception):
    """Bad input or a bad request; the message says what is wrong and what to do."""


class InputError(BroadsheetError):
    """The input cannot be read as a text dump or a gold file."""
