/**
 * The small SQL interface every repository is written against, once for every database. SQL uses
 * `?` placeholders; a driver turns them into its own (PostgreSQL's $1, $2, ...). What really differs
 * between the databases lives in a Dialect, not in the repositories.
 */
/** A parameter; bytes (a Buffer) go to a `types.blob` column. */
export type SqlValue = string | number | boolean | null | Uint8Array;

export interface Sql {
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * A write whose result nobody reads (a state saved, a delivery recorded). Inside a transaction
   * it may be sent later, with the transaction's other deferred writes and its COMMIT, in one trip
   * to the database (SQLite: each trip costs a hop through the thread pool); its error is then the
   * transaction's, raised when it commits. Any other statement of the transaction sends the
   * deferred writes first, so the order of the writes is kept. Outside a transaction it runs now.
   */
  defer(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /**
   * Runs `fn` between BEGIN and COMMIT; an error rolls back and is rethrown. Called on the `tx` it
   * gets (or anywhere inside `fn`), a transaction joins the outer one.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Deleted rows must not stay readable in the database's files: done now, or after the outer transaction commits. */
  scrub(): Promise<void>;
  readonly dialect: Dialect;
}

/** A connection (SQLite) or pool (PostgreSQL) behind the SQL interface. */
export interface Database extends Sql {
  close(): Promise<void>;
}

/** The few real differences between the databases. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The SQL with its `?` placeholders in the database's own form. */
  placeholders(sql: string): string;
  /** Column types of the migrations. */
  readonly types: {
    /** Text compared and ordered byte-wise (instants, e-mail addresses), as SQLite always does. */
    sortedText: string;
    /** A yes/no column, no unless set. */
    flag: string;
    /** An integer key the database counts up. */
    autoId: string;
    /** The insertion order that breaks ties in lists: SQLite has its rowid, PostgreSQL gets a seq column. */
    seqColumn: string;
    /** Bytes (a file's content); read back as a Buffer. */
    blob: string;
    /** schema_migrations.applied_at */
    migratedAt: string;
  };
  /** The expression for a row's insertion order in a query (see types.seqColumn). */
  readonly seq: string;
  /** Locks the rows a claim selected, so concurrent claims skip them ('' where one writer at a time is the rule). */
  readonly lockSkipLocked: string;
  /** A LIMIT parameter: negative means none. */
  limit(n: number): number | null;
  /** Makes instances that start together apply the migrations one after another ('' where the transaction already does). */
  readonly migrationLock: string;
  /** The list of tables, for Storage.inspect. */
  readonly tablesSql: string;
  /** The error a unique key raised (a row that exists already). */
  isUniqueViolation(err: unknown): boolean;
}

type Condition<V> = readonly [sql: string, value: V | undefined];

/**
 * " WHERE a = ? AND b >= ?" and its parameters, from the conditions whose value is given; an empty
 * clause when none is. Only undefined means "no filter": an empty string filters for itself (and
 * finds nothing), so a blank value never widens a query.
 */
export function whereClause<V>(conditions: readonly Condition<V>[]): { where: string; params: V[] } {
  const given = conditions.filter(([, value]) => value !== undefined);
  return { where: given.length ? ` WHERE ${given.map(([cond]) => cond).join(' AND ')}` : '', params: given.map(([, value]) => value as V) };
}
