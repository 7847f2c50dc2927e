"""networkx's side of the shortest-path benchmark.

Usage: /usr/bin/python3 bench/networkx_paths.py EDGES PAIRS
EDGES: one "source target" pair of integer node ids per line (a multigraph).
PAIRS: one "from to" pair per line.
Builds an undirected MultiGraph (paths ignore direction, as the server's
default), times nx.bidirectional_shortest_path for each pair, and prints JSON:
{"version", "build_s", "lengths", "times_ms"}.
"""
import json
import sys
import time

import networkx as nx

edges_file, pairs_file = sys.argv[1], sys.argv[2]
start = time.perf_counter()
graph = nx.MultiGraph()
with open(edges_file) as f:
    graph.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f))
build_s = time.perf_counter() - start

with open(pairs_file) as f:
    pairs = [tuple(int(x) for x in line.split()) for line in f]
lengths, times = [], []
for a, b in pairs:
    t = time.perf_counter()
    path = nx.bidirectional_shortest_path(graph, a, b)
    times.append((time.perf_counter() - t) * 1000)
    lengths.append(len(path) - 1)
print(json.dumps({"version": nx.__version__, "build_s": build_s, "lengths": lengths, "times_ms": times}))
