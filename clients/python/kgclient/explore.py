"""Result types of the exploring calls: paths, neighbourhoods, derivations,
documents and query plans, with their conversion from ``kg.v1`` messages."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator, List, Tuple

from kgclient import values
from kgclient._proto import graph_pb2
from kgclient.models import EntityFacts, Evidence, Fact


@dataclasses.dataclass(frozen=True)
class PathHop:
    """One hop of a path: the fact crossed, with its evidence.

    ``reversed`` is True when the hop goes from the fact's value to its
    subject (the fact points against the direction of travel). ``start``
    and ``end`` are the entities the hop leaves and reaches.
    """

    fact: Fact
    reversed: bool

    @classmethod
    def from_proto(cls, message: graph_pb2.PathHop) -> "PathHop":
        return cls(Fact.from_proto(message.fact), message.reversed)

    @property
    def start(self) -> values.Value:
        return self.fact.value if self.reversed else self.fact.subject

    @property
    def end(self) -> values.Value:
        return self.fact.subject if self.reversed else self.fact.value


class Path(List[PathHop]):
    """A path's hops, in order: a plain list, plus :meth:`to_networkx`."""

    def to_networkx(self) -> Any:
        """The hops' facts as a networkx MultiDiGraph (see :func:`kgclient.frames.to_networkx`)."""
        from kgclient.frames import to_networkx

        return to_networkx(self)


@dataclasses.dataclass(frozen=True)
class Neighbourhood:
    """Every fact within some hops of an entity, with evidence.

    ``truncated`` is True when the limit cut the neighbourhood short.
    """

    name: values.Entity
    facts: Tuple[Fact, ...]
    truncated: bool

    @classmethod
    def from_proto(
        cls, name: str, message: graph_pb2.GetNeighbourhoodResponse
    ) -> "Neighbourhood":
        return cls(
            values.Entity(name),
            tuple(Fact.from_proto(f) for f in message.facts),
            message.truncated,
        )

    def to_networkx(self) -> Any:
        """The facts as a networkx MultiDiGraph (see :func:`kgclient.frames.to_networkx`)."""
        from kgclient.frames import to_networkx

        return to_networkx(self)

    @property
    def entities(self) -> Tuple[values.Entity, ...]:
        """The distinct entities the facts mention, in order of appearance."""
        seen = dict.fromkeys(
            v
            for f in self.facts
            for v in (f.subject, f.value)
            if isinstance(v, values.Entity)
        )
        return tuple(seen)


@dataclasses.dataclass(frozen=True)
class Derivation:
    """How a stored fact is known: the fact with all its evidence and, when
    some evidence is derived by a rule, the derivation trees of the premises
    (down to facts read from sentences, which have no premises)."""

    fact: Fact
    premises: Tuple["Derivation", ...] = ()

    @classmethod
    def from_proto(cls, message: graph_pb2.Derivation) -> "Derivation":
        return cls(
            Fact.from_proto(message.fact),
            tuple(Derivation.from_proto(p) for p in message.premises),
        )

    @property
    def evidence(self) -> Tuple[Evidence, ...]:
        return self.fact.evidence

    def walk(self, depth: int = 0) -> Iterator[Tuple[int, "Derivation"]]:
        """``(depth, node)`` for this node and every node below it, depth
        first, the root at ``depth``."""
        yield depth, self
        for premise in self.premises:
            yield from premise.walk(depth + 1)

    @property
    def sentences(self) -> Tuple[str, ...]:
        """The distinct sentences the whole tree rests on, in order."""
        found = (e.sentence for _, node in self.walk() for e in node.evidence)
        return tuple(dict.fromkeys(s for s in found if s))


@dataclasses.dataclass(frozen=True)
class DocumentInfo:
    """A document with evidence in the store: its ``content_hash`` (empty
    when it was ingested without one) and how many evidence records it
    contributes (derived ones included)."""

    document_id: str
    content_hash: str
    evidence: int

    @classmethod
    def from_proto(cls, message: graph_pb2.DocumentInfo) -> "DocumentInfo":
        return cls(message.document_id, message.content_hash, message.evidence)


@dataclasses.dataclass(frozen=True)
class PlanStep:
    """One step of a query plan, in evaluation order: the ``pattern`` as the
    planner reads it, the rows it expects per input binding and the
    ``index`` it scans (``"spo"``, ``"pos"``, ``"osp"`` or ``"all"``)."""

    pattern: str
    estimated_rows: float
    index: str

    @classmethod
    def from_proto(cls, message: graph_pb2.QueryPlanStep) -> "PlanStep":
        return cls(message.pattern, message.estimated_rows, message.index)


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    """One report of a fact: the ``fact`` (without its other evidence) as
    ``evidence`` stated it on ``reported_date`` ("" when unknown)."""

    reported_date: str
    fact: Fact
    evidence: Evidence


def timeline(entity: EntityFacts) -> List[TimelineEntry]:
    """The entity's facts (both directions; ``type`` and ``alias`` left
    out), one entry per evidence record, earliest reported first, undated
    last; ties in the graph's order."""
    entries = [
        TimelineEntry(e.reported_date, f, e)
        for f in entity.outgoing + entity.incoming
        if f.predicate not in ("type", "alias")
        for e in f.evidence
    ]
    return sorted(entries, key=lambda t: (t.reported_date == "", t.reported_date))


@dataclasses.dataclass(frozen=True)
class Conflict:
    """Competing facts where the graph's schema allows one value: ``entity``
    has two values of ``predicate`` (or, when ``per_value``, two subjects
    share ``entity`` as value). ``kind`` is ``"succession"`` (reported one
    after the other), ``"contradiction"`` (overlapping periods) or
    ``"undated"``; ``facts`` come earliest reported first."""

    entity: values.Entity
    predicate: str
    per_value: bool
    kind: str
    facts: Tuple[Fact, ...]

    @classmethod
    def from_proto(cls, message: graph_pb2.Conflict) -> "Conflict":
        return cls(
            values.Entity(message.entity),
            message.predicate,
            message.per_value,
            graph_pb2.Conflict.Kind.Name(message.kind).lower(),
            tuple(Fact.from_proto(f) for f in message.facts),
        )


@dataclasses.dataclass(frozen=True)
class Conflicts:
    """The conflicts the graph found; ``truncated`` when ``limit`` cut the
    list short."""

    conflicts: Tuple[Conflict, ...]
    truncated: bool

    @classmethod
    def from_proto(cls, message: graph_pb2.ConflictsResponse) -> "Conflicts":
        return cls(tuple(Conflict.from_proto(c) for c in message.conflicts), message.truncated)
