"""User-facing errors: the CLI prints their message as one line, without a traceback.

Messages are in the library's words: an error about an argument names it as a caller of
`broadsheet.parse` writes it (`pages='1-x'`), and carries its name in `option`; the command
line shows it as its flag (`for_command_line`).
"""


class BroadsheetError(Exception):
    """Bad input or a bad request; the message says what is wrong and what to do."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option  # the argument the message is about ("pages", "password")


class InputError(BroadsheetError):
    """The input cannot be read as a text dump or a gold file."""


class RequestError(BroadsheetError):
    """The request cannot be carried out as asked (the CLI's usage errors, exit 2)."""


def for_command_line(err: BroadsheetError) -> str:
    """The message with the argument it is about shown as the command's flag.

    >>> for_command_line(InputError("pages='9': the PDF has page 1", option="pages"))
    "--pages '9': the PDF has page 1"
    >>> for_command_line(InputError("a.pdf: the PDF is encrypted", option="password"))
    'a.pdf: the PDF is encrypted (give --password)'
    """
    text, option = str(err), err.option
    if option is None:
        return text
    if text.startswith(f"{option}="):
        return f"--{option} {text.removeprefix(f'{option}=')}"
    return f"{text} (give --{option})"
