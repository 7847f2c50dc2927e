/**
 * HTTP status for errors found while resolving. A response with data is 200,
 * whatever errors some fields met (the GraphQL-over-HTTP spec requires it).
 * A response whose `data` is null and whose errors include one the error
 * mapping answers 400 (an argument out of range, a traversal over budget) is
 * answered 400, like the errors Apollo finds before execution. NOT_FOUND
 * stays 200 here: the request was valid and its answer is that the id names
 * nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ERROR_CODES } from "../service/error-reports.js";

const requestFault = (code: unknown): boolean => typeof code === "string" && code in ERROR_CODES && ERROR_CODES[code as keyof typeof ERROR_CODES].httpStatus === 400;

export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || response.body.singleResult.data != null) return;
        if (response.body.singleResult.errors?.some((e) => requestFault(e.extensions?.["code"]))) response.http.status = 400;
      },
    };
  },
};
