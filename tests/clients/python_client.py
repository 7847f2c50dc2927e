"""The clients matrix from Python, with requests (Debian's python3-requests).

Usage: /usr/bin/python3 tests/clients/python_client.py http://127.0.0.1:4000/graphql

Runs the matrix's requests (tests/clients/matrix.ts; the queries here are the
same text) and prints one JSON object: for each case, the HTTP status, the
response's content type and its parsed JSON body. tests/clients/python.test.ts
compares them with what every other client gets.

  path           (a) POST JSON, the path query (no variables)
  neighbourhood  (b) POST JSON, the neighbourhood query with variables
  neighbourhood_get  the same by GET, with the apollo-require-preflight header
  get_without_header the same by GET without it: refused (CSRF prevention)
  data_without_content_type  a POST of the JSON text with data=: no content-type, refused (CSRF prevention)
  unknown_entity (c) an unknown id: NOT_FOUND, status 200
  out_of_range   (c) depth 7: BAD_USER_INPUT, status 400
  syntax_error   (c) a document that does not parse: GRAPHQL_PARSE_FAILED, status 400
"""
import json
import sys

import requests

PATH_QUERY = """query Path {
  shortestPath(from: "kataib-sayyid-al-shuhada", to: "joe-biden") {
    __typename
    length
    nodes {
      __typename
      id
      name
      kind
    }
    steps {
      __typename
      direction
      from {
        __typename
        id
      }
      relation {
        __typename
        id
        type
      }
      to {
        __typename
        id
      }
    }
  }
}"""

NEIGHBOURHOOD_QUERY = """query Neighbourhood($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    __typename
    truncated
    nodes {
      __typename
      depth
      entity {
        __typename
        id
        name
        kind
      }
    }
    edges {
      __typename
      id
      type
      source {
        __typename
        id
      }
      target {
        __typename
        id
      }
    }
  }
}"""

ENTITY_QUERY = """query Entity($id: ID!) {
  entity(id: $id) {
    __typename
    id
    name
  }
}"""

SYNTAX_ERROR_QUERY = 'query Broken { entity(id: "kataib-hezbollah") { __typename name }'

NEIGHBOURHOOD_VARIABLES = {"id": "kataib-hezbollah", "depth": 2, "limit": 25}


def answer(response):
    return {"status": response.status_code, "contentType": response.headers.get("content-type"), "body": response.json()}


def post(session, url, query, variables=None):
    # json= sets content-type: application/json, which is all the server asks of a POST.
    return answer(session.post(url, json={"query": query, "variables": variables}, timeout=30))


def get(session, url, query, variables=None, headers=None):
    params = {"query": query}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return answer(session.get(url, params=params, headers=headers, timeout=30))


def main(url):
    with requests.Session() as session:
        results = {
            "path": post(session, url, PATH_QUERY),
            "neighbourhood": post(session, url, NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES),
            # A GET needs this header (any non-empty value): CSRF prevention.
            "neighbourhood_get": get(session, url, NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES, {"apollo-require-preflight": "true"}),
            "get_without_header": get(session, url, NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES),
            # data= sends no content-type: refused like a GET without the header. Use json=.
            "data_without_content_type": answer(session.post(url, data=json.dumps({"query": PATH_QUERY}), timeout=30)),
            "unknown_entity": post(session, url, ENTITY_QUERY, {"id": "no-such-entity"}),
            "out_of_range": post(session, url, NEIGHBOURHOOD_QUERY, dict(NEIGHBOURHOOD_VARIABLES, depth=7)),
            "syntax_error": post(session, url, SYNTAX_ERROR_QUERY),
        }
    results["requests_version"] = requests.__version__
    json.dump(results, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python_client.py GRAPHQL_URL")
    main(sys.argv[1])
