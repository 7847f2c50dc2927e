/**
 * HTTP status for errors found while resolving: a request whose arguments were
 * out of range or malformed (BAD_USER_INPUT), or whose traversal needed more
 * work than one request may spend (TRAVERSAL_BUDGET_EXCEEDED), is answered
 * 400, like the errors Apollo finds before execution. NOT_FOUND stays 200: the request was valid
 * and its answer is that the id names nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const codes = new Set(response.body.singleResult.errors?.map((e) => e.extensions?.["code"]));
        if (codes.has("BAD_USER_INPUT") || codes.has("TRAVERSAL_BUDGET_EXCEEDED")) response.http.status = 400;
      },
    };
  },
};
