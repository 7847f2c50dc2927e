/** Cursor connections for paginated lists of entities and relations. */
import { Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { EntityInterface } from "./entity.type.js";
import { RelationObject } from "./relation.type.js";
import { SearchHitObject } from "./search.type.js";

@ObjectType("PageInfo", { description: "Where a page sits in the whole list." })
export class PageInfoObject {
  @Field(() => Boolean, { description: "Whether items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on the page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor!: string | null;
}

function connectionTypes<T extends object>(name: string, nodeType: ClassType<T> | (abstract new () => T), what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after` to resume after it." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class Connection {
    @Field(() => [Edge], { description: "The items with their cursors." })
    @Cost(FIELD_COSTS.pageItems)
    edges!: Edge[];

    @Field(() => [nodeType], { description: "The items alone." })
    @Cost(FIELD_COSTS.pageItems)
    nodes!: T[];

    @Field(() => PageInfoObject, { description: "Position of this page." })
    pageInfo!: PageInfoObject;

    @Field(() => Int, { description: `How many ${what}s match, over all pages.` })
    totalCount!: number;
  }
  return Connection;
}

export const EntityConnectionObject = connectionTypes("Entity", EntityInterface, "entity");
export const RelationConnectionObject = connectionTypes("Relation", RelationObject, "relation");
export const SearchHitConnectionObject = connectionTypes("SearchHit", SearchHitObject, "search hit");
