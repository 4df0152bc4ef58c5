"""Plain, immutable result types and their conversion from ``kg.v1`` messages."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from kgclient import values
from kgclient._proto import extractor_pb2, fact_pb2, graph_pb2


#: A fact without its evidence: ``(subject, predicate, value)``.
Triple = Tuple[values.Entity, str, values.Value]


def triple_from_proto(message: fact_pb2.Triple) -> Triple:
    return (values.Entity(message.subject), message.predicate, values.from_proto(message.value))


def triple_to_proto(
    subject: str, predicate: str, value: values.Value | str
) -> fact_pb2.Triple:
    """A ``kg.v1.Triple``; ``value`` as :func:`values.to_proto` takes it (a
    plain ``str`` is text)."""
    return fact_pb2.Triple(
        subject=str(subject), predicate=predicate, value=values.to_proto(value)
    )


def _instant(micros: int) -> Optional[datetime.datetime]:
    """A UTC datetime from microseconds since the epoch; None for 0 (unset)."""
    if not micros:
        return None
    return datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
        microseconds=micros
    )


@dataclasses.dataclass(frozen=True)
class Evidence:
    """Where a fact was read.

    ``begin``/``end`` are code-point offsets of ``sentence`` in the document
    text (``text[begin:end] == sentence``); ``byte_begin``/``byte_end`` are
    the same span in UTF-8 bytes. ``confidence`` is in (0, 1], rounded to the
    7 significant digits the wire's 32-bit float carries. ``ingested_at`` is
    when the graph stored the evidence (UTC), None when not set (e.g. in
    facts fresh from :meth:`KnowledgeGraph.extract`). For a fact derived by
    a rule, ``premises`` holds the ``(subject, predicate, value)`` triples
    the rule ``rule`` derived it from and ``sentence`` is empty (see
    :meth:`KnowledgeGraph.explain`); it is ``()`` for a fact read from text.
    """

    document_id: str
    sentence: str
    begin: int
    end: int
    rule: str
    confidence: float
    byte_begin: int = 0
    byte_end: int = 0
    ingested_at: Optional[datetime.datetime] = None
    premises: Tuple[Triple, ...] = ()
    # When the document reported the fact ("YYYY-MM-DD"), "" when unknown.
    reported_date: str = ""
    # When a later write retracted this record (UTC): set only on evidence
    # read with {as_of: T} from the graph's history; None for current evidence.
    retracted_at: Optional[datetime.datetime] = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "premises", tuple(tuple(t) for t in self.premises))

    @property
    def derived(self) -> bool:
        """True when a rule derived the fact (it has premises)."""
        return bool(self.premises)

    @classmethod
    def from_proto(cls, message: fact_pb2.Evidence) -> "Evidence":
        return cls(
            document_id=message.document_id,
            sentence=message.sentence,
            begin=message.begin,
            end=message.end,
            rule=message.rule,
            confidence=float(f"{message.confidence:.7g}"),
            byte_begin=message.byte_begin,
            byte_end=message.byte_end,
            ingested_at=_instant(message.ingested_at_micros),
            premises=tuple(triple_from_proto(t) for t in message.premises),
            reported_date=message.reported_date,
            retracted_at=_instant(message.retracted_at_micros),
        )

    def to_proto(self) -> fact_pb2.Evidence:
        """The message for ingest (``ingested_at`` is set by the graph, not sent)."""
        return fact_pb2.Evidence(
            document_id=self.document_id,
            sentence=self.sentence,
            begin=self.begin,
            end=self.end,
            byte_begin=self.byte_begin,
            byte_end=self.byte_end,
            rule=self.rule,
            confidence=self.confidence,
            premises=[triple_to_proto(*t) for t in self.premises],
            reported_date=self.reported_date,
        )


@dataclasses.dataclass(frozen=True)
class Fact:
    """A fact ``(subject, predicate, value)`` with the evidence behind it."""

    subject: values.Entity
    predicate: str
    value: values.Value
    evidence: Tuple[Evidence, ...] = ()
    # True on an answer that listed only some of the fact's evidence (a
    # neighbourhood's evidence_per_fact); entity() and explain() list all.
    evidence_truncated: bool = False

    def __post_init__(self) -> None:
        # Accept a plain str subject and any sequence of evidence.
        object.__setattr__(self, "subject", values.Entity(self.subject))
        object.__setattr__(self, "evidence", tuple(self.evidence))

    @classmethod
    def from_proto(cls, message: fact_pb2.Fact) -> "Fact":
        return cls(
            subject=values.Entity(message.subject),
            predicate=message.predicate,
            value=values.from_proto(message.value),
            evidence=tuple(Evidence.from_proto(e) for e in message.evidence),
            evidence_truncated=message.evidence_truncated,
        )

    def to_proto(self) -> fact_pb2.Fact:
        return fact_pb2.Fact(
            subject=str(self.subject),
            predicate=self.predicate,
            value=values.to_proto(self.value),
            evidence=[e.to_proto() for e in self.evidence],
        )

    @property
    def triple(self) -> Triple:
        return (self.subject, self.predicate, self.value)


class Row(Mapping[str, values.Value]):
    """One answer to a query: variable name (without ``?``) → value.

    Iterates over variables in the order they first appear in the query.
    ``support`` holds the matched facts, one per triple pattern, and
    ``evidence`` all their evidence, flattened; both are empty unless the
    query asked for evidence.
    """

    __slots__ = ("_bindings", "support")

    def __init__(
        self, bindings: Mapping[str, values.Value], support: Sequence[Fact] = ()
    ) -> None:
        self._bindings = dict(bindings)
        self.support: Tuple[Fact, ...] = tuple(support)

    @classmethod
    def from_proto(cls, message: graph_pb2.QueryRow) -> "Row":
        return cls(
            {b.variable: values.from_proto(b.value) for b in message.bindings},
            [Fact.from_proto(f) for f in message.support],
        )

    @property
    def evidence(self) -> Tuple[Evidence, ...]:
        return tuple(e for fact in self.support for e in fact.evidence)

    @property
    def sentences(self) -> Tuple[str, ...]:
        """The distinct evidence sentences, in order."""
        return tuple(dict.fromkeys(e.sentence for e in self.evidence))

    def __getitem__(self, variable: str) -> values.Value:
        return self._bindings[variable.lstrip("?")]

    def __iter__(self) -> Iterator[str]:
        return iter(self._bindings)

    def __len__(self) -> int:
        return len(self._bindings)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Row):
            return self._bindings == other._bindings and self.support == other.support
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._bindings.items())
        return f"Row({inner})"


class Rows(List[Row]):
    """A query's rows, in the order the server sent them: a plain list, plus
    :meth:`to_dataframe`."""

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (see :func:`kgclient.frames.to_dataframe`)."""
        from kgclient.frames import to_dataframe

        return to_dataframe(self)


@dataclasses.dataclass(frozen=True)
class IngestResult:
    """The graph's acknowledgement of one document's (or one batch's) facts.

    ``facts`` are the facts sent (as extracted, for :meth:`ingest`);
    ``unchanged`` is True when the graph already held this exact content and
    wrote nothing.
    """

    document_id: str
    facts: Tuple[Fact, ...]
    facts_received: int
    facts_new: int
    evidence_new: int
    facts_retracted: int
    unchanged: bool

    @classmethod
    def from_proto(
        cls,
        document_id: str,
        facts: Sequence[Fact],
        ack: graph_pb2.IngestResponse,
    ) -> "IngestResult":
        return cls(
            document_id=document_id,
            facts=tuple(facts),
            facts_received=ack.facts_received,
            facts_new=ack.facts_new,
            evidence_new=ack.evidence_new,
            facts_retracted=ack.facts_retracted,
            unchanged=ack.unchanged,
        )

    @classmethod
    def from_extract(
        cls, document_id: str, response: extractor_pb2.ExtractResponse
    ) -> "IngestResult":
        return cls.from_proto(
            document_id, [Fact.from_proto(f) for f in response.facts], response.ingest
        )


@dataclasses.dataclass(frozen=True)
class EntityFacts:
    """Every fact about an entity: as subject (``outgoing``) and as value
    (``incoming``), each with evidence."""

    name: values.Entity
    outgoing: Tuple[Fact, ...]
    incoming: Tuple[Fact, ...]

    @classmethod
    def from_proto(
        cls, name: str, message: graph_pb2.GetEntityResponse
    ) -> "EntityFacts":
        return cls(
            name=values.Entity(name),
            outgoing=tuple(Fact.from_proto(f) for f in message.outgoing),
            incoming=tuple(Fact.from_proto(f) for f in message.incoming),
        )

    def values_of(self, predicate: str) -> Tuple[values.Value, ...]:
        """The values of the entity's outgoing facts with this predicate."""
        return tuple(f.value for f in self.outgoing if f.predicate == predicate)


@dataclasses.dataclass(frozen=True)
class DeleteResult:
    """What deleting a document removed."""

    document_id: str
    evidence_removed: int
    facts_retracted: int


@dataclasses.dataclass(frozen=True)
class Stats:
    """Store totals; ``predicates`` maps each predicate to its fact count."""

    facts: int
    evidence: int
    documents: int
    terms: int
    predicates: Mapping[str, int]
    # Retracted evidence records kept for {as_of: T} queries, and the instant
    # from which such queries are exact (None: from the store's start).
    history_records: int = 0
    history_complete_from: Optional[datetime.datetime] = None

    @classmethod
    def from_proto(cls, message: graph_pb2.GetStatsResponse) -> "Stats":
        return cls(
            facts=message.facts,
            evidence=message.evidence,
            documents=message.documents,
            terms=message.terms,
            predicates={p.predicate: p.facts for p in message.predicates},
            history_records=message.history_records,
            history_complete_from=_instant(message.history_complete_from_micros),
        )
