"""``--help`` that a person reads: ``NAME``, ``PORT`` and plain flags, not ``<str>`` or ``<bool>``.

Typer prints each parameter's Python type next to it. Here every option that takes a value shows its
metavar (set where it is declared, else the option's name in capitals), flags and arguments show
nothing beside their name (an argument's name already is its metavar), and the usage line names
arguments as the docs do (``FILE``, ``[FILE]``).

Click's ``Context`` and ``Command``, which these methods take, are only importable from Typer's
private ``typer._click`` (see scripts/check_private_api.py), so they are typed ``Any`` here.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperArgument, TyperOption


class _Argument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        """``FILE`` in the usage line, as the docs write it (Typer writes a required one ``{FILE}``)."""
        name = self.metavar or (self.name or "value").upper()
        if not self.required:
            name = f"[{name}]"
        return [name + ("..." if self.nargs != 1 else "")]


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        return self.metavar or (self.name or "value").upper()


def readable(command: Any) -> Any:
    """Give every parameter of the command tree the readable display; returns the command."""
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        elif type(param) is TyperOption:
            param.__class__ = _Option
    help_option = command.get_help_option(typer.Context(command))
    if help_option is not None:
        help_option.metavar = ""
        if type(help_option) is TyperOption:
            help_option.__class__ = _Option
    for sub in getattr(command, "commands", {}).values():  # a group's subcommands
        readable(sub)
    return command
