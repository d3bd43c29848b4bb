"""User-facing errors: the CLI prints their message as one line, without a traceback."""


class BroadsheetError(Exception):
    """Bad input or a bad request; the message says what is wrong and what to do."""


class InputError(BroadsheetError):
    """The input cannot be read as a text dump or a gold file."""


class RequestError(BroadsheetError):
    """The request cannot be carried out as asked (the CLI's usage errors, exit 2)."""
