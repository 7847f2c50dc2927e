/**
 * HTTP status for errors found while resolving: a request whose arguments were
 * out of range or malformed (BAD_USER_INPUT) is answered 400, like the errors
 * Apollo finds before execution. NOT_FOUND stays 200: the request was valid
 * and its answer is that the id names nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        if (response.body.singleResult.errors?.some((e) => e.extensions?.["code"] === "BAD_USER_INPUT")) response.http.status = 400;
      },
    };
  },
};
