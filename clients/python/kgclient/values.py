"""Typed values: conversion between ``kg.v1.Value`` and Python.

The graph treats a value's kind as part of its identity (the entity
``London`` is not the text ``"London"``), and so does this module:

=============  ==========================
``kg.v1``      Python
=============  ==========================
``entity``     :class:`Entity` (a ``str``)
``text``       :class:`Text` (a ``str``)
``integer``    ``int``
``decimal``    ``decimal.Decimal`` (exact)
``date``       ``datetime.date``
=============  ==========================

:class:`Entity` and :class:`Text` are ``str`` subclasses, so they print,
slice and compare with plain strings as strings do, but an ``Entity`` never
equals a ``Text`` with the same spelling.
"""

from __future__ import annotations

import datetime
import decimal
from typing import Union

from kgclient._proto import fact_pb2


class _TypedStr(str):
    """A ``str`` that remembers its kind; equal only to the same kind or ``str``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str.__repr__(self)})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _TypedStr) and type(other) is not type(self):
            return False
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    # Equal values must hash equally; an Entity and a Text of the same
    # spelling merely collide, which is allowed.
    __hash__ = str.__hash__


class Entity(_TypedStr):
    """An entity, by canonical name: ``Entity("Operation Saltmarsh")``."""

    __slots__ = ()


class Text(_TypedStr):
    """A text literal: a role title, an alias, a quotation."""

    __slots__ = ()


#: Any value a fact or a query binding can hold.
Value = Union[Entity, Text, int, decimal.Decimal, datetime.date]


def kind_of(value: Value) -> str:
    """The kind of a value as the wire names it: "entity", "text",
    "integer", "decimal" or "date"."""
    if isinstance(value, Entity):
        return "entity"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        raise TypeError("bool is not a kg value")
    if isinstance(value, int):
        return "integer"
    if isinstance(value, decimal.Decimal):
        return "decimal"
    if isinstance(value, datetime.date):
        return "date"
    raise TypeError(f"{type(value).__name__} is not a kg value")


def from_proto(value: fact_pb2.Value) -> Value:
    """Converts a ``kg.v1.Value`` to its Python form.

    Raises ValueError for an unset value or a malformed decimal or date.
    """
    kind = value.WhichOneof("kind")
    if kind == "entity":
        return Entity(value.entity)
    if kind == "text":
        return Text(value.text)
    if kind == "integer":
        return int(value.integer)
    if kind == "decimal":
        try:
            return decimal.Decimal(value.decimal)
        except decimal.InvalidOperation as error:
            raise ValueError(f"malformed decimal {value.decimal!r}") from error
    if kind == "date":
        return datetime.date.fromisoformat(value.date)
    raise ValueError("value has no kind set")


def to_proto(value: Value | str) -> fact_pb2.Value:
    """Converts a Python value to a ``kg.v1.Value``.

    A plain ``str`` is taken as text; wrap entity names in :class:`Entity`.
    ``bool``, ``float`` (inexact: use ``Decimal``), ``datetime.datetime``,
    non-finite decimals and other types raise TypeError or ValueError.
    """
    if isinstance(value, Entity):
        return fact_pb2.Value(entity=str(value))
    if isinstance(value, str):
        return fact_pb2.Value(text=str(value))
    if isinstance(value, bool):
        raise TypeError("bool is not a kg value; use an int or a Text")
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise ValueError(f"integer {value} does not fit in 64 bits")
        return fact_pb2.Value(integer=value)
    if isinstance(value, decimal.Decimal):
        return fact_pb2.Value(decimal=decimal_text(value))
    if isinstance(value, datetime.datetime):
        raise TypeError("datetime is not a kg value; pass a datetime.date")
    if isinstance(value, datetime.date):
        return fact_pb2.Value(date=value.isoformat())
    if isinstance(value, float):
        raise TypeError("float is inexact; pass a decimal.Decimal")
    raise TypeError(f"{type(value).__name__} is not a kg value")


def decimal_text(value: decimal.Decimal) -> str:
    """A finite decimal in plain notation (``Decimal("1E+2")`` → ``"100"``)."""
    if not value.is_finite():
        raise ValueError(f"decimal {value} is not finite")
    return format(value, "f")


def query_term(value: Value | str) -> str:
    """Renders a value as a term of the query language (docs/query-language.md).

    Use it to put caller-supplied values into a pattern safely::

        kg.query(f"?p has_role {query_term(Text('Commander'))} . ?p leads ?op")

    A plain ``str`` is taken as text, as in :func:`to_proto`.
    """
    if isinstance(value, Entity):
        name = str(value)
        if name and not any(c in name for c in "<>\n"):
            return f"<{name}>"
        return f"{_quoted(name)}^^entity"
    if isinstance(value, str):
        return _quoted(value)
    proto = to_proto(value)  # validates and normalises the other kinds
    kind = proto.WhichOneof("kind")
    if kind == "integer":
        return str(proto.integer)
    return f"{_quoted(getattr(proto, kind))}^^{kind}"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
