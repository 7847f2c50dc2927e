/**
 * Connection settings from the environment: the database is named without
 * its password wherever it is shown, the pool bound is checked, and a
 * connection string that is not PostgreSQL's is refused before any attempt.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_MAX, DatabaseError, databaseUrlFromEnvironment, describeDatabase, explainDatabaseError, openPool, poolMax } from "../../src/database/connection.js";

describe("connection settings", () => {
  it("DATABASE_URL is read from the environment; empty counts as unset", () => {
    expect(databaseUrlFromEnvironment({ DATABASE_URL: " postgresql://u:p@h/d " })).toBe("postgresql://u:p@h/d");
    expect(databaseUrlFromEnvironment({ DATABASE_URL: "" })).toBeUndefined();
    expect(databaseUrlFromEnvironment({})).toBeUndefined();
    expect(databaseUrlFromEnvironment({ DATABASE_LISTEN_URL: "postgresql://primary/d" }, "DATABASE_LISTEN_URL")).toBe("postgresql://primary/d");
  });

  it("names a database as user@host:port/name, never with its password, even percent-encoded", () => {
    expect(describeDatabase("postgresql://curator:s3cr%40t@db.internal:5433/conflict_graph")).toBe("curator@db.internal:5433/conflict_graph");
    expect(describeDatabase("postgres://db.internal/conflict_graph")).toBe("db.internal/conflict_graph");
    expect(describeDatabase("postgresql://u:pw@localhost")).toBe("u@localhost/(default database)");
    expect(describeDatabase("not a url with password hunter2")).not.toContain("hunter2");
  });

  it("the pool bound is an integer from 1 to 100, default 4", () => {
    expect(poolMax({})).toBe(DEFAULT_POOL_MAX);
    expect(poolMax({ DATABASE_POOL_MAX: "16" })).toBe(16);
    for (const bad of ["0", "101", "2.5", "many", "-3"]) expect(() => poolMax({ DATABASE_POOL_MAX: bad })).toThrow(DatabaseError);
  });

  it("refuses a connection string that is not a PostgreSQL URL, without echoing it", () => {
    expect(() => openPool("mysql://root:hunter2@h/d")).toThrow("DATABASE_URL must be a URL starting with postgresql://, e.g. postgresql://user:password@localhost:5432/conflict_graph (got one starting with mysql:)");
    expect(() => openPool("hunter2")).toThrow("DATABASE_URL is not a URL");
  });

  it("explains driver errors in one line that names the database without its password", () => {
    const url = "postgresql://curator:hunter2@db.internal:5432/cg";
    const refused = explainDatabaseError(Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" }), url);
    expect(refused.message).toBe("cannot reach PostgreSQL at curator@db.internal:5432/cg (ECONNREFUSED): is the server running, and are host and port right?");
    const login = explainDatabaseError(Object.assign(new Error('password authentication failed for user "curator"'), { code: "28P01" }), url);
    expect(login.message).toBe("PostgreSQL refused the login to curator@db.internal:5432/cg: check the user and password in DATABASE_URL");
    for (const error of [refused, login]) expect(error.message).not.toContain("hunter2");
  });

  it("a wrapped error (node-pg-migrate's, its stack in the message) keeps one line and is known for what it is; a missing password is named", () => {
    const url = "postgresql://owner:hunter2@db.internal:5432/cg";
    const wrapped = new Error("Unable to ensure migrations table: error: permission denied for schema public\n    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:285:98)");
    expect(explainDatabaseError(wrapped, url).message).toBe("owner@db.internal:5432/cg: permission denied for schema public: this role may not do that (docs/operations.md lists what each role may do; `db migrate` runs as the database's owner)");
    const noPassword = new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");
    expect(explainDatabaseError(noPassword, "postgresql://owner@db.internal/cg", "DATABASE_LISTEN_URL").message).toBe("DATABASE_LISTEN_URL gives no password for owner@db.internal/cg: put it in the URL (postgresql://user:password@host/db) or in PGPASSWORD");
  });
});
