#!/usr/bin/env python3
"""Prints the graph benchmark table from run.sh's JSON lines (argument 1).

Ratios: load rate ours / the faster of Oxigraph and Kùzu (target >= 1.0);
each query shape's p50 ours / Oxigraph in-process (target <= 1.5) and ours /
the gRPC echo floor (target <= 2.0); with --with-10m, p50 at 10M / at 1M
(target <= 1.5). Also prints the ratios as one JSON line.
"""
import json
import sys


def main(path):
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    load = {(r["system"], r.get("batching")): r for r in rows if r["bench"] == "load"}
    query = {(r["system"], r["shape"]): r for r in rows
             if r["bench"] == "query" and "p50_us" in r}
    echo = next((r for r in rows if r["bench"] == "echo" and r.get("system") ==
                 "grpc_health_check"), None)
    ratios = {}

    print("\n== Load (facts/s; ours durable: WAL synced before each ack)")
    print(f"{'system':<16}{'batching':>10}{'facts':>10}{'seconds':>10}{'facts/s':>12}")
    for (system, batching), r in sorted(load.items()):
        print(f"{system:<16}{batching:>10}{r['facts']:>10}{r['seconds']:>10.2f}"
              f"{r['facts_per_s']:>12.0f}")
    best_ours = max((r["facts_per_s"] for (s, _), r in load.items() if s == "ours"),
                    default=0)
    best_other = max((r["facts_per_s"] for (s, _), r in load.items()
                      if s in ("oxigraph", "kuzu")), default=0)
    if best_ours and best_other:
        ratios["load_ours_vs_best"] = best_ours / best_other
        print(f"load rate ours (best batching) / faster of Oxigraph, Kùzu: "
              f"{ratios['load_ours_vs_best']:.2f}x  (target >= 1.0x)")

    print("\n== Query latency, microseconds (ours: gRPC round trip included)")
    header = (f"{'shape':<12}{'ours p50':>10}{'ours p99':>10}{'oxi p50':>10}"
              f"{'oxi p99':>10}{'kuzu p50':>10}{'kuzu p99':>10}{'rows':>8}"
              f"{'/oxi':>7}{'/echo':>7}{'10M/1M':>8}")
    print(header)
    for shape in ("subject", "pred_value", "join", "two_hop"):
        o = query.get(("ours", shape))
        x = query.get(("oxigraph", shape))
        k = query.get(("kuzu", shape))
        t = query.get(("ours10m", shape))
        if not o:
            continue
        cell = lambda r, f: f"{r[f]:>10.0f}" if r else f"{'-':>10}"
        line = (f"{shape:<12}{cell(o, 'p50_us')}{cell(o, 'p99_us')}"
                f"{cell(x, 'p50_us')}{cell(x, 'p99_us')}{cell(k, 'p50_us')}"
                f"{cell(k, 'p99_us')}{o['rows']:>8}")
        if x:
            ratios[f"{shape}_vs_oxigraph"] = o["p50_us"] / x["p50_us"]
            line += f"{ratios[shape + '_vs_oxigraph']:>6.1f}x"
            if x["rows"] != o["rows"]:
                line += " ROWS DIFFER"
        if echo:
            ratios[f"{shape}_vs_echo"] = o["p50_us"] / echo["p50_us"]
            line += f"{ratios[shape + '_vs_echo']:>6.1f}x"
        if t:
            ratios[f"{shape}_10m_vs_1m"] = t["p50_us"] / o["p50_us"]
            line += f"{ratios[shape + '_10m_vs_1m']:>7.2f}x"
        print(line)
    inproc = {shape: query.get(("ours_inprocess", shape))
              for shape in ("subject", "pred_value", "join", "two_hop")}
    if any(inproc.values()):
        print("\n== In-process against in-process, microseconds (the core: store "
              "+ query engine, no gRPC; target p50 and p99 <= 1.0x Oxigraph)")
        print(f"{'shape':<12}{'ours p50':>10}{'ours p99':>10}{'oxi p50':>10}"
              f"{'oxi p99':>10}{'p50 /oxi':>10}{'p99 /oxi':>10}{'gRPC adds':>11}"
              f"{'budget':>9}")
        for shape, i in inproc.items():
            x = query.get(("oxigraph", shape))
            o = query.get(("ours", shape))
            if not i:
                continue
            line = f"{shape:<12}{i['p50_us']:>10.0f}{i['p99_us']:>10.0f}"
            if x:
                ratios[f"{shape}_inprocess_p50_vs_oxigraph"] = i["p50_us"] / x["p50_us"]
                ratios[f"{shape}_inprocess_p99_vs_oxigraph"] = i["p99_us"] / x["p99_us"]
                line += (f"{x['p50_us']:>10.0f}{x['p99_us']:>10.0f}"
                         f"{i['p50_us'] / x['p50_us']:>9.2f}x{i['p99_us'] / x['p99_us']:>9.2f}x")
            else:
                line += f"{'-':>10}{'-':>10}{'-':>10}{'-':>10}"
            if o and echo:
                # Target 2: gRPC p50 <= echo p50 + 1.2 x in-process p50.
                budget = echo["p50_us"] + 1.2 * i["p50_us"]
                ratios[f"{shape}_grpc_vs_budget"] = o["p50_us"] / budget
                line += f"{o['p50_us'] - i['p50_us']:>10.0f}us{o['p50_us'] / budget:>8.2f}x"
            print(line)
        print("gRPC adds: our gRPC p50 minus in-process p50; budget: gRPC p50 / "
              "(echo p50 + 1.2 x in-process p50), target <= 1.0x")
    if echo:
        print(f"echo floor (gRPC health Check on the same server): p50 "
              f"{echo['p50_us']:.0f} us, p99 {echo['p99_us']:.0f} us")
    print("targets: /oxi <= 1.5x, /echo <= 2.0x, 10M/1M <= 1.5x")
    above = [r for r in rows if r["bench"] == "overhead_above_echo"]
    if above:
        print("\n== A query's round trip, p50 above the echo, microseconds "
              "(bench/graph/overhead_bench.h)")
        for r in above:
            print(f"echo {r['echo_us']:.0f}: empty stream +{r['empty_stream_us']:.0f}, "
                  f"plan (unary) +{r['plan_us']:.0f}, one row +{r['one_row_us']:.0f}")
    walks = [r for r in rows if r["bench"] == "walk"]
    if walks:
        print("\n== Graph walks with the server's default limits, milliseconds "
              "(target p50 <= 10, p99 <= 100)")
        print(f"{'system':<10}{'rpc':<18}{'p50':>8}{'p99':>8}{'calls':>7}"
              f"{'facts or hops/call':>20}{'KB/call':>9}")
        for r in walks:
            per_call = r.get("facts", r.get("hops", 0)) / max(r["calls"], 1)
            print(f"{r['system']:<10}{r['rpc']:<18}{r['p50_us'] / 1000:>8.1f}"
                  f"{r['p99_us'] / 1000:>8.1f}{r['calls']:>7}{per_call:>20.1f}"
                  f"{r['mean_bytes'] / 1024:>9.1f}")
            key = f"{r['system']}_{r['rpc']}"
            ratios[f"{key}_p50_ms"] = r["p50_us"] / 1000
            ratios[f"{key}_p99_ms"] = r["p99_us"] / 1000
    print(json.dumps({"bench": "ratios", **{k: round(v, 3) for k, v in ratios.items()}}))


if __name__ == "__main__":
    main(sys.argv[1])
