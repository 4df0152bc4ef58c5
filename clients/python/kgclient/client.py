"""KnowledgeGraph: the friendly client for the graph and extractor services."""

from __future__ import annotations

import os
import pathlib
import time
from typing import (
    Any,
    Callable,
    Iterable,
    Iterator,
    List,
    Optional,
    Sequence,
    TypeVar,
    Union,
)

import grpc

from kgclient import errors, explore, models, values
from kgclient.security import Security
from kgclient._proto import (
    extractor_pb2,
    extractor_pb2_grpc,
    graph_pb2,
    graph_pb2_grpc,
)

_T = TypeVar("_T")

DEFAULT_GRAPH_ADDRESS = "127.0.0.1:50051"
DEFAULT_EXTRACTOR_ADDRESS = "127.0.0.1:50052"

# Entities with many facts and long documents make large messages.
_CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 64 * 1024 * 1024),
    ("grpc.max_send_message_length", 64 * 1024 * 1024),
]


class KnowledgeGraph:
    """A connection to a graph service and (for ingest/extract) an extractor.

    Channels connect lazily, so constructing one never fails; a service that
    cannot be reached raises :class:`~kgclient.errors.Unavailable` at the
    first call that needs it. Every call has a deadline of ``timeout``
    seconds unless the call passes its own. Use as a context manager, or
    call :meth:`close`::

        with KnowledgeGraph() as kg:
            kg.ingest("wmp-1", text)
            for row in kg.query('?p has_role "Commander"', with_evidence=True):
                print(row["p"], row.sentences)

    Thread-safe as gRPC channels are.
    """

    def __init__(
        self,
        graph_address: str = DEFAULT_GRAPH_ADDRESS,
        extractor_address: str = DEFAULT_EXTRACTOR_ADDRESS,
        timeout: float = 30.0,
        security: Optional[Security] = None,
    ) -> None:
        self.graph_address = graph_address
        self.extractor_address = extractor_address
        self.timeout = timeout
        self._security = security or Security()
        self._graph_channel = self._security.open_channel(graph_address, _CHANNEL_OPTIONS)
        self._extractor_channel: Optional[grpc.Channel] = None
        self._graph = graph_pb2_grpc.GraphServiceStub(self._graph_channel)
        self._extractor: Optional[extractor_pb2_grpc.ExtractorServiceStub] = None

    @classmethod
    def from_env(cls, timeout: float = 30.0) -> "KnowledgeGraph":
        """Addresses from ``$KG_GRAPH_ADDR`` and ``$KG_EXTRACTOR_ADDR``, TLS
        and token from ``$KG_TLS_CA``, ``$KG_TLS_CERT``, ``$KG_TLS_KEY``,
        ``$KG_TLS_SERVER_NAME``, ``$KG_TOKEN`` / ``$KG_TOKEN_FILE`` (as the
        ``kg`` CLI reads them), else the defaults: plaintext, no token."""
        return cls(
            os.environ.get("KG_GRAPH_ADDR", DEFAULT_GRAPH_ADDRESS),
            os.environ.get("KG_EXTRACTOR_ADDR", DEFAULT_EXTRACTOR_ADDRESS),
            timeout,
            Security.from_env(),
        )

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        """Closes both channels; the client is unusable afterwards."""
        self._graph_channel.close()
        if self._extractor_channel is not None:
            self._extractor_channel.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"KnowledgeGraph(graph_address={self.graph_address!r}, "
            f"extractor_address={self.extractor_address!r}, timeout={self.timeout!r})"
        )

    # -- queries ---------------------------------------------------------------

    def query(
        self,
        pattern: str,
        limit: int = 0,
        with_evidence: bool = False,
        timeout: Optional[float] = None,
        allow_truncated: bool = False,
    ) -> models.Rows:
        """All rows answering ``pattern`` (docs/query-language.md), as a list
        with ``to_dataframe()``.

        ``limit`` caps the rows (0: the query's LIMIT, else the server's
        default, 10,000; never more than the server's ``--max_row_limit``).
        With ``with_evidence`` each row's ``support``/``evidence`` are
        filled. Raises InvalidQuery (with ``line``/``column``),
        DeadlineExceeded, ResourceExhausted, Unavailable, and Truncated when
        a server row limit cut the answer (unless ``allow_truncated``).
        """
        return models.Rows(
            self.iter_query(pattern, limit, with_evidence, timeout, allow_truncated)
        )

    def iter_query(
        self,
        pattern: str,
        limit: int = 0,
        with_evidence: bool = False,
        timeout: Optional[float] = None,
        allow_truncated: bool = False,
    ) -> Iterator[models.Row]:
        """Like :meth:`query`, but yields rows as the server streams them.

        Closing the generator early (``break``) cancels the call. The timeout
        covers the whole stream. When a server row limit cut the answer,
        Truncated is raised after the last row (unless ``allow_truncated``).
        """
        request = graph_pb2.QueryRequest(
            query=pattern, limit=limit, with_evidence=with_evidence
        )
        end = time.monotonic() + self._deadline(timeout)
        # QueryBatches: the same rows as Query, many per message.
        call = self._graph.QueryBatches(request, timeout=self._deadline(timeout))
        rows = 0
        truncated = False
        try:
            try:
                for batch in call:
                    for message in batch.rows:
                        rows += 1
                        yield models.Row.from_proto(message)
                    truncated = truncated or batch.truncated
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.UNIMPLEMENTED:
                    raise
                # A server older than QueryBatches: one message per row.
                call = self._graph.Query(
                    request, timeout=max(end - time.monotonic(), 0.0)
                )
                for message in call:
                    rows += 1
                    yield models.Row.from_proto(message)
                    truncated = truncated or message.truncated
        except grpc.RpcError as error:
            raise self._graph_error(error, errors.InvalidQuery) from None
        finally:
            call.cancel()  # no-op once the stream has ended
        if truncated and not allow_truncated:
            raise errors.Truncated(rows)

    def entity(self, name: str, timeout: Optional[float] = None) -> models.EntityFacts:
        """Every fact with the entity as subject or value. Raises NotFound
        for an entity the graph does not know."""
        response = self._call_graph(
            self._graph.GetEntity, graph_pb2.GetEntityRequest(name=name), timeout
        )
        return models.EntityFacts.from_proto(name, response)

    def timeline(
        self, name: str, timeout: Optional[float] = None
    ) -> List[explore.TimelineEntry]:
        """The entity's facts by the date they were reported (each
        document's publication date), one entry per evidence record,
        earliest first, undated last. Raises NotFound for an unknown
        entity."""
        return explore.timeline(self.entity(name, timeout))

    def conflicts(
        self, entity: str = "", limit: int = 0, timeout: Optional[float] = None
    ) -> explore.Conflicts:
        """Competing values of the predicates the server's schema declares
        single-valued (a rank, an operation's leader), about ``entity`` or
        the whole graph, at most ``limit`` (0: the server default, 100).
        Raises NotFound for an unknown entity."""
        response = self._call_graph(
            self._graph.Conflicts,
            graph_pb2.ConflictsRequest(entity=entity, limit=limit),
            timeout,
        )
        return explore.Conflicts.from_proto(response)

    def stats(self, timeout: Optional[float] = None) -> models.Stats:
        """Totals of the store."""
        response = self._call_graph(
            self._graph.GetStats, graph_pb2.GetStatsRequest(), timeout
        )
        return models.Stats.from_proto(response)

    def plan(self, pattern: str, timeout: Optional[float] = None) -> List[explore.PlanStep]:
        """The plan :meth:`query` would run for ``pattern``, one step per
        pattern in evaluation order; runs nothing. Raises InvalidQuery as
        :meth:`query` does."""
        response = self._call_graph(
            self._graph.PlanQuery,
            graph_pb2.QueryRequest(query=pattern),
            timeout,
            errors.InvalidQuery,
        )
        return [explore.PlanStep.from_proto(s) for s in response.steps]

    # -- exploring -------------------------------------------------------------

    def path(
        self,
        source: str,
        target: str,
        max_hops: int = 0,
        predicates: Sequence[str] = (),
        timeout: Optional[float] = None,
        evidence_per_fact: int = 0,
    ) -> explore.Path:
        """The shortest connection from entity ``source`` to ``target``, one
        :class:`PathHop` per fact crossed (in either direction; a list with
        ``to_networkx()``), each with
        at most ``evidence_per_fact`` evidence records (0: the server
        default, 20; a fact with more has ``evidence_truncated``); ``[]``
        when there is none within ``max_hops`` (0: the server default, 6).
        ``predicates`` restricts the facts followed.
        Raises NotFound for an unknown entity, InvalidArgument for an empty
        name or ``max_hops`` over the server's cap (10), ResourceExhausted,
        DeadlineExceeded.
        """
        request = graph_pb2.FindPathRequest(
            max_hops=max_hops,
            predicates=list(predicates),
            evidence_per_fact=evidence_per_fact,
        )
        # `from` is a Python keyword, so it cannot be a keyword argument.
        setattr(request, "from", str(source))
        request.to = str(target)
        response = self._call_graph(self._graph.FindPath, request, timeout)
        return explore.Path(explore.PathHop.from_proto(h) for h in response.hops)

    def neighbourhood(
        self,
        name: str,
        hops: int = 1,
        predicates: Sequence[str] = (),
        limit: int = 0,
        timeout: Optional[float] = None,
        evidence_per_fact: int = 0,
    ) -> explore.Neighbourhood:
        """Every fact within ``hops`` of the entity (server cap 4), at most
        ``limit`` of them (0: the server default, 250) shared fairly among
        the entities of each hop; ``truncated`` tells whether the limit cut
        it short. Each fact carries at most ``evidence_per_fact`` evidence
        records (0: the server default, 5); a fact with more has
        ``evidence_truncated`` set. ``predicates`` restricts the facts
        followed. Raises NotFound for an unknown entity, InvalidArgument for
        an empty name or too many hops.
        """
        request = graph_pb2.GetNeighbourhoodRequest(
            name=name,
            hops=hops,
            predicates=list(predicates),
            limit=limit,
            evidence_per_fact=evidence_per_fact,
        )
        response = self._call_graph(self._graph.GetNeighbourhood, request, timeout)
        return explore.Neighbourhood.from_proto(name, response)

    def explain(
        self,
        subject: str,
        predicate: str,
        value: Union[values.Value, str],
        timeout: Optional[float] = None,
    ) -> explore.Derivation:
        """The derivation tree of the stored fact ``(subject, predicate,
        value)``: the fact with its evidence and, for derived evidence, the
        trees of its premises down to sentences. ``value`` is typed as in
        :func:`kgclient.values.to_proto`: wrap entity names in ``Entity`` (a
        plain ``str`` is text). Raises NotFound when the fact is not stored,
        InvalidArgument for an incomplete fact.
        """
        request = graph_pb2.ExplainRequest(
            fact=models.triple_to_proto(subject, predicate, value)
        )
        response = self._call_graph(self._graph.Explain, request, timeout)
        return explore.Derivation.from_proto(response.root)

    def documents(self, timeout: Optional[float] = None) -> List[explore.DocumentInfo]:
        """Every document with evidence in the store."""
        response = self._call_graph(
            self._graph.ListDocuments, graph_pb2.ListDocumentsRequest(), timeout
        )
        return [explore.DocumentInfo.from_proto(d) for d in response.documents]

    # -- writes ----------------------------------------------------------------

    def ingest(
        self,
        document_id: str,
        text: str,
        title: str = "",
        url: str = "",
        published: str = "",
        timeout: Optional[float] = None,
    ) -> models.IngestResult:
        """Extracts the document's facts and stores them in the graph.

        Returns once the facts are durable in the graph. Re-ingesting the same
        document is a no-op (``unchanged``); a changed document replaces what
        it said before. ``published`` is ``"YYYY-MM-DD"`` or empty. Raises
        InvalidDocument, Unavailable (extractor, or the graph behind it),
        DeadlineExceeded.
        """
        response = self._extract(document_id, text, title, url, published, True, timeout)
        return models.IngestResult.from_extract(document_id, response)

    def ingest_file(
        self,
        path: Union[str, os.PathLike],
        document_id: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> models.IngestResult:
        """Ingests a UTF-8 text file, as ``kg ingest`` does: the id defaults to
        the file name without extension, the title is the first non-empty
        line. Raises InvalidDocument (with ``byte_offset``) for invalid UTF-8."""
        file = pathlib.Path(path)
        text = read_document(file)
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return self.ingest(
            document_id or file.stem, text, title=title, timeout=timeout
        )

    def extract(
        self,
        document_id: str,
        text: str,
        title: str = "",
        url: str = "",
        published: str = "",
        timeout: Optional[float] = None,
    ) -> List[models.Fact]:
        """The facts the extractor reads in the document, without storing them."""
        response = self._extract(document_id, text, title, url, published, False, timeout)
        return [models.Fact.from_proto(f) for f in response.facts]

    def ingest_facts(
        self,
        facts: Iterable[models.Fact],
        document_id: str = "",
        content_hash: str = "",
        timeout: Optional[float] = None,
    ) -> models.IngestResult:
        """Stores facts directly in the graph, as one atomic batch.

        With ``document_id`` the batch replaces that document's facts and all
        evidence must name it; without, the facts are added. Every fact needs
        at least one Evidence. Raises InvalidArgument for a batch the graph
        refuses.
        """
        fact_list = list(facts)
        request = graph_pb2.IngestRequest(
            document_id=document_id,
            content_hash=content_hash,
            facts=[f.to_proto() for f in fact_list],
        )
        try:
            acks = list(
                self._graph.Ingest(iter([request]), timeout=self._deadline(timeout))
            )
        except grpc.RpcError as error:
            raise self._graph_error(error) from None
        if len(acks) != 1:
            raise errors.KgError(
                grpc.StatusCode.INTERNAL,
                f"expected one acknowledgement, got {len(acks)}",
                address=self.graph_address,
            )
        return models.IngestResult.from_proto(document_id, fact_list, acks[0])

    def delete_document(
        self, document_id: str, timeout: Optional[float] = None
    ) -> models.DeleteResult:
        """Removes the document's evidence and retracts the facts it alone
        supported. Raises NotFound for a document the graph does not hold."""
        response = self._call_graph(
            self._graph.DeleteDocument,
            graph_pb2.DeleteDocumentRequest(document_id=document_id),
            timeout,
        )
        return models.DeleteResult(
            document_id, response.evidence_removed, response.facts_retracted
        )

    # -- plumbing --------------------------------------------------------------

    def _deadline(self, timeout: Optional[float]) -> float:
        return self.timeout if timeout is None else timeout

    def _graph_error(
        self, error: grpc.RpcError, invalid: type = errors.InvalidArgument
    ) -> errors.KgError:
        return errors.from_rpc_error(
            error, service="graph", address=self.graph_address, invalid_argument=invalid
        )

    def _call_graph(
        self,
        method: Callable[..., _T],
        request: Any,
        timeout: Optional[float],
        invalid: type = errors.InvalidArgument,
    ) -> _T:
        try:
            return method(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise self._graph_error(error, invalid) from None

    def _extractor_stub(self) -> extractor_pb2_grpc.ExtractorServiceStub:
        if self._extractor is None:
            self._extractor_channel = self._security.open_channel(
                self.extractor_address, _CHANNEL_OPTIONS
            )
            self._extractor = extractor_pb2_grpc.ExtractorServiceStub(
                self._extractor_channel
            )
        return self._extractor

    def _extract(
        self,
        document_id: str,
        text: Union[str, bytes],
        title: str,
        url: str,
        published: str,
        forward: bool,
        timeout: Optional[float],
    ) -> extractor_pb2.ExtractResponse:
        # Document.text is bytes on the wire so that the extractor, not the
        # decoder, judges the encoding (and names the offending byte).
        data = text.encode("utf-8") if isinstance(text, str) else text
        request = extractor_pb2.ExtractRequest(
            document=extractor_pb2.Document(
                id=document_id, title=title, text=data, url=url, published=published
            ),
            forward=forward,
        )
        try:
            return self._extractor_stub().Extract(
                request, timeout=self._deadline(timeout)
            )
        except grpc.RpcError as error:
            raise errors.from_rpc_error(
                error,
                service="extractor",
                address=self.extractor_address,
                invalid_argument=errors.InvalidDocument,
            ) from None


def read_document(path: pathlib.Path) -> str:
    """The file's text; InvalidDocument (with ``byte_offset``) if not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise errors.InvalidDocument(
            grpc.StatusCode.INVALID_ARGUMENT,
            f"{path}: invalid UTF-8 at byte {error.start}",
        ) from None
