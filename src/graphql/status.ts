/**
 * HTTP status for errors found while resolving. A response with data is 200,
 * whatever errors some fields met (the GraphQL-over-HTTP spec requires it).
 * A response whose `data` is null because an argument was out of range or
 * malformed (BAD_USER_INPUT) or a traversal needed more work than one request
 * may spend (TRAVERSAL_BUDGET_EXCEEDED) is answered 400, like the errors
 * Apollo finds before execution. NOT_FOUND stays 200: the request was valid
 * and its answer is that the id names nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || response.body.singleResult.data != null) return;
        const codes = new Set(response.body.singleResult.errors?.map((e) => e.extensions?.["code"]));
        if (codes.has("BAD_USER_INPUT") || codes.has("TRAVERSAL_BUDGET_EXCEEDED")) response.http.status = 400;
      },
    };
  },
};
