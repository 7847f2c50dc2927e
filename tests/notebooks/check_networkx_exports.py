"""Checks that the whole graph's node-link JSON and GraphML exports load in
networkx with the same nodes, edges, keys and attributes (GraphML's flattened
attributes compared with node-link's nested ones).

Usage: /usr/bin/python3 tests/notebooks/check_networkx_exports.py SERVER_URL
Prints one summary line; exits non-zero on the first difference.
"""
import io
import json
import sys
import urllib.request

import networkx as nx

LIST_KEYS = {"aliases", "evidence", "claims", "countries"}


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def flatten(attributes, prefix=""):
    flat = {}
    for key, value in attributes.items():
        name = prefix + key
        if value is None:
            continue
        if isinstance(value, list):
            flat[name] = value
        elif isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def parsed(attributes):
    return {k: json.loads(v) if k in LIST_KEYS else v for k, v in attributes.items()}


server = sys.argv[1].rstrip("/")
data = json.loads(fetch(f"{server}/export/graph.node-link.json"))
try:
    links = nx.node_link_graph(data, edges="links")
except TypeError:
    links = nx.node_link_graph(data)
graphml = nx.read_graphml(io.BytesIO(fetch(f"{server}/export/graph.graphml")))

assert links.is_directed() and links.is_multigraph(), "node-link must load as a MultiDiGraph"
assert isinstance(graphml, nx.MultiDiGraph), f"GraphML loaded as {type(graphml).__name__}"
assert set(links.nodes) == set(graphml.nodes), "different nodes"
assert set(links.edges(keys=True)) == set(graphml.edges(keys=True)), "different edges"
for node, attributes in links.nodes(data=True):
    expected = flatten(attributes)
    assert parsed(graphml.nodes[node]) == expected, f"node {node}: {parsed(graphml.nodes[node])} != {expected}"
for source, target, key, attributes in links.edges(keys=True, data=True):
    actual = parsed(graphml.edges[source, target, key])
    assert actual == flatten(attributes), f"edge {key}: {actual} != {flatten(attributes)}"
print(f"networkx {nx.__version__}: node-link and GraphML agree on {links.number_of_nodes()} nodes and {links.number_of_edges()} edges")
