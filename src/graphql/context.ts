/** What every resolver receives: the service it calls into. */
import type { KnowledgeService } from "../service/knowledge-service.js";

export interface GraphQLContext {
  readonly service: KnowledgeService;
}
