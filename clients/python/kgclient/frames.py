"""Query answers as pandas DataFrames and facts as networkx graphs, for the
analyst's usual tools. Both libraries are optional: they are imported only
when asked for, and their absence raises an ImportError that says how to
get them (Debian: python3-pandas, python3-networkx; pip: the ``dataframe``
and ``graph`` extras).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Iterable, List, Sequence, Union

from kgclient import values

if TYPE_CHECKING:
    from kgclient.explore import Neighbourhood, PathHop
    from kgclient.models import Fact, Row


def _optional(module: str, package: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"kgclient: this needs {module} ({error}); install it with "
            f"apt-get install {package}, or pip install 'kgclient[{extra}]'"
        ) from error


def to_dataframe(rows: Iterable["Row"]) -> Any:
    """A pandas DataFrame with one column per query variable (in the order
    the variables first appear) and one row per answer. Cells keep their
    kinds: :class:`~kgclient.Entity` / :class:`~kgclient.Text` (``str``),
    ``int``, ``decimal.Decimal``, ``datetime.date``; an unbound OPTIONAL
    variable is None. Evidence is not included (see ``Row.support``)."""
    pandas = _optional("pandas", "python3-pandas", "dataframe")
    rows = list(rows)
    columns: List[str] = []
    for row in rows:
        columns.extend(v for v in row if v not in columns)
    records = [[row.get(column) for column in columns] for row in rows]
    return pandas.DataFrame.from_records(records, columns=columns)


def to_networkx(
    facts: Union["Neighbourhood", Sequence["PathHop"], Iterable["Fact"]],
) -> Any:
    """A networkx MultiDiGraph of `facts` (a Neighbourhood, a path's hops, or
    any facts): one node per entity or literal value (the value itself, so
    ``Entity("X")`` and ``Text("X")`` are two nodes), carrying ``kind``
    ("entity", "text", "integer", "decimal", "date"); one edge per fact from
    subject to value, keyed by predicate, carrying ``predicate``,
    ``evidence`` (the Evidence records) and ``sentences``."""
    networkx = _optional("networkx", "python3-networkx", "graph")
    from kgclient.explore import Neighbourhood, PathHop

    if isinstance(facts, Neighbourhood):
        fact_list = list(facts.facts)
    else:
        fact_list = [f.fact if isinstance(f, PathHop) else f for f in facts]
    graph = networkx.MultiDiGraph()
    for fact in fact_list:
        for node in (fact.subject, fact.value):
            graph.add_node(node, kind=values.kind_of(node))
        graph.add_edge(
            fact.subject,
            fact.value,
            key=fact.predicate,
            predicate=fact.predicate,
            evidence=tuple(fact.evidence),
            sentences=tuple(dict.fromkeys(e.sentence for e in fact.evidence)),
        )
    return graph
