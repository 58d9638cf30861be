/**
 * The embedded default store: one SQLite file through better-sqlite3 (the only importer of it),
 * in WAL mode so readers never block the writer.
 *
 * Opening rules:
 *  - a missing or empty file is created and seeded from data/ in one transaction;
 *  - an existing file must carry our application id and schema version; anything else (a corrupt
 *    file, another application's database, a newer schema) stops start-up with a clear message and
 *    the file is left untouched — never wiped, never "repaired".
 * Every write is one transaction with a version check in its WHERE clause, so conditional updates
 * hold even against another process writing the same file.
 */
import Database from "better-sqlite3";
import { mkdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { DomainError } from "../../domain/index.js";
import { diff } from "./diff.js";
import type {
  BatchWrite,
  CatalogueStore,
  DocOf,
  EntityKind,
  HistoryAction,
  HistoryEntry,
  Stored,
  StoredKey,
  WriteMeta,
} from "./store.js";

/** "STRK" — marks the file as ours in the SQLite header. */
export const APPLICATION_ID = 0x5354524b;
export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE docs (
  kind TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
  version INTEGER NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL,
  comment TEXT, changes TEXT NOT NULL
);
CREATE INDEX history_entity ON history (kind, entity_id, seq);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
`;

interface DocRow {
  kind: EntityKind;
  id: string;
  doc: string;
  version: number;
  deleted: number;
  updated_at: string;
  updated_by: string;
}

interface HistoryRow {
  seq: number;
  kind: EntityKind;
  entity_id: string;
  version: number;
  action: HistoryAction;
  actor: string;
  at: string;
  comment: string | null;
  changes: string;
}

interface KeyRow {
  id: string;
  name: string;
  role: StoredKey["role"];
  hash: string;
  created_at: string;
  revoked: number;
}

export interface SeedData {
  songs: { id: string }[];
  themes: { id: string }[];
  moods: { id: string }[];
  films: { id?: string | undefined }[];
}

function storeError(file: string, why: string): DomainError {
  return new DomainError(
    "store_invalid",
    `Cannot use ${file} as the catalogue database: ${why}. The file was left untouched; move it away or set DB_PATH to another file.`,
    [{ path: "DB_PATH", problem: why }],
  );
}

export class SqliteStore implements CatalogueStore {
  private localWrites = 0;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** Opens (or creates and seeds) the database at `file`. `seed` is called only for a new file. */
  static open(file: string, seed: () => SeedData): SqliteStore {
    const fresh = !existsSync(file) || statSync(file).size === 0;
    if (fresh) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(file);
    } catch (err) {
      throw storeError(file, (err as Error).message);
    }
    try {
      const appId = db.pragma("application_id", { simple: true }) as number;
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number })
        .n;
      if (appId === 0 && tables === 0) {
        db.pragma("journal_mode = WAL");
        const store = new SqliteStore(db, file);
        store.initialise(seed());
        return store;
      }
      if (appId !== APPLICATION_ID)
        throw storeError(file, "it is a SQLite database of another application");
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version !== SCHEMA_VERSION)
        throw storeError(
          file,
          `its schema version is ${version}, this program knows ${SCHEMA_VERSION}`,
        );
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 5000");
      const check = db.pragma("quick_check", { simple: true });
      if (check !== "ok") throw storeError(file, `integrity check failed (${String(check)})`);
      return new SqliteStore(db, file);
    } catch (err) {
      db.close();
      if (err instanceof DomainError) throw err;
      throw storeError(file, (err as Error).message);
    }
  }

  private initialise(seed: SeedData): void {
    const now = new Date().toISOString();
    const meta: WriteMeta = { actor: "seed", comment: "initial catalogue from data/" };
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      const add = (kind: EntityKind, id: string, doc: unknown) =>
        this.insert(kind, id, doc, meta, now, "seed");
      for (const t of seed.themes) add("theme", t.id, t);
      for (const m of seed.moods) add("mood", m.id, m);
      for (const s of seed.songs) add("song", s.id, s);
      for (const f of seed.films) if (f.id) add("film", f.id, f);
      // Marked as ours only once everything is in: a crash mid-seed leaves an unmarked file.
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    this.db.pragma("busy_timeout = 5000");
    this.localWrites++;
  }

  revision(): number {
    return (this.db.pragma("data_version", { simple: true }) as number) + this.localWrites;
  }

  list<K extends EntityKind>(
    kind: K,
    options: { includeDeleted?: boolean } = {},
  ): Stored<DocOf<K>>[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM docs WHERE kind = ? ${options.includeDeleted ? "" : "AND deleted = 0"} ORDER BY id`,
      )
      .all(kind) as DocRow[];
    return rows.map((r) => toStored<DocOf<K>>(r));
  }

  get<K extends EntityKind>(kind: K, id: string): Stored<DocOf<K>> | null {
    const row = this.db.prepare("SELECT * FROM docs WHERE kind = ? AND id = ?").get(kind, id) as
      DocRow | undefined;
    return row ? toStored<DocOf<K>>(row) : null;
  }

  versions(kind: EntityKind): Map<string, number> {
    const rows = this.db
      .prepare("SELECT id, version FROM docs WHERE kind = ? AND deleted = 0")
      .all(kind) as { id: string; version: number }[];
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  create<K extends EntityKind>(
    kind: K,
    id: string,
    doc: DocOf<K>,
    meta: WriteMeta,
  ): Stored<DocOf<K>> {
    this.write(() => {
      if (this.get(kind, id))
        throw new DomainError("conflict", `${kind} "${id}" already exists`, [
          { path: "id", problem: `"${id}" is taken` },
        ]);
      this.insert(kind, id, doc, meta, new Date().toISOString(), "create");
    });
    return this.get(kind, id) as Stored<DocOf<K>>;
  }

  update<K extends EntityKind>(
    kind: K,
    id: string,
    doc: DocOf<K>,
    expectedVersion: number,
    meta: WriteMeta,
  ): Stored<DocOf<K>> {
    this.write(() =>
      this.replace(kind, id, doc, expectedVersion, meta, new Date().toISOString(), "update"),
    );
    return this.get(kind, id) as Stored<DocOf<K>>;
  }

  remove(kind: EntityKind, id: string, expectedVersion: number, meta: WriteMeta): Stored<unknown> {
    this.write(() => this.setDeleted(kind, id, true, expectedVersion, meta));
    return this.get(kind, id) as Stored<unknown>;
  }

  restore(kind: EntityKind, id: string, meta: WriteMeta): Stored<unknown> {
    this.write(() => {
      const current = this.get(kind, id);
      if (!current)
        throw new DomainError("not_found", `${kind} "${id}" does not exist`, [
          { path: "id", problem: "unknown" },
        ]);
      if (!current.deleted)
        throw new DomainError("conflict", `${kind} "${id}" is not deleted`, [
          { path: "id", problem: "not deleted" },
        ]);
      this.setDeleted(kind, id, false, current.version, meta);
    });
    return this.get(kind, id) as Stored<unknown>;
  }

  applyBatch(
    writes: readonly BatchWrite[],
    meta: WriteMeta,
    action: HistoryAction = "import",
  ): number {
    const now = new Date().toISOString();
    this.write(() => {
      for (const w of writes) {
        if (w.expectedVersion === null) {
          if (this.get(w.kind, w.id))
            throw new DomainError("conflict", `${w.kind} "${w.id}" already exists`, [
              { path: w.id, problem: "already exists" },
            ]);
          this.insert(w.kind, w.id, w.doc, meta, now, action);
        } else {
          this.replace(w.kind, w.id, w.doc, w.expectedVersion, meta, now, action);
        }
      }
    });
    return writes.length;
  }

  history(kind: EntityKind, id: string): HistoryEntry[] {
    const rows = this.db
      .prepare("SELECT * FROM history WHERE kind = ? AND entity_id = ? ORDER BY seq")
      .all(kind, id) as HistoryRow[];
    return rows.map((r) => ({
      seq: r.seq,
      entity: r.kind,
      entityId: r.entity_id,
      version: r.version,
      action: r.action,
      actor: r.actor,
      at: r.at,
      ...(r.comment !== null ? { comment: r.comment } : {}),
      changes: JSON.parse(r.changes),
    }));
  }

  addKey(key: StoredKey): void {
    this.write(() => {
      this.db
        .prepare(
          "INSERT INTO api_keys (id, name, role, hash, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(key.id, key.name, key.role, key.hash, key.createdAt, key.revoked ? 1 : 0);
    });
  }

  findKeyByHash(hash: string): StoredKey | null {
    const row = this.db.prepare("SELECT * FROM api_keys WHERE hash = ?").get(hash) as
      KeyRow | undefined;
    return row ? toKey(row) : null;
  }

  listKeys(): StoredKey[] {
    return (
      this.db.prepare("SELECT * FROM api_keys ORDER BY created_at, id").all() as KeyRow[]
    ).map(toKey);
  }

  revokeKey(id: string): boolean {
    let changed = false;
    this.write(() => {
      changed =
        this.db.prepare("UPDATE api_keys SET revoked = 1 WHERE id = ? AND revoked = 0").run(id)
          .changes === 1;
    });
    return changed;
  }

  close(): void {
    this.db.close();
  }

  /** Runs `body` as one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
  private write(body: () => void): void {
    this.db.transaction(body).immediate();
    this.localWrites++;
  }

  private insert(
    kind: EntityKind,
    id: string,
    doc: unknown,
    meta: WriteMeta,
    now: string,
    action: HistoryAction,
  ): void {
    this.db
      .prepare(
        "INSERT INTO docs (kind, id, doc, version, deleted, updated_at, updated_by) VALUES (?, ?, ?, 1, 0, ?, ?)",
      )
      .run(kind, id, JSON.stringify(doc), now, meta.actor);
    this.log(kind, id, 1, action, meta, now, diff(undefined, doc));
  }

  private replace(
    kind: EntityKind,
    id: string,
    doc: unknown,
    expectedVersion: number,
    meta: WriteMeta,
    now: string,
    action: HistoryAction,
  ): void {
    const current = this.get(kind, id);
    if (!current || current.deleted)
      throw new DomainError("not_found", `${kind} "${id}" does not exist`, [
        { path: "id", problem: "unknown or deleted" },
      ]);
    const result = this.db
      .prepare(
        "UPDATE docs SET doc = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE kind = ? AND id = ? AND version = ? AND deleted = 0",
      )
      .run(JSON.stringify(doc), now, meta.actor, kind, id, expectedVersion);
    if (result.changes !== 1) throw stale(kind, id, expectedVersion, current.version);
    this.log(kind, id, expectedVersion + 1, action, meta, now, diff(current.doc, doc));
  }

  private setDeleted(
    kind: EntityKind,
    id: string,
    deleted: boolean,
    expectedVersion: number,
    meta: WriteMeta,
  ): void {
    const current = this.get(kind, id);
    if (!current || (deleted && current.deleted))
      throw new DomainError("not_found", `${kind} "${id}" does not exist`, [
        { path: "id", problem: "unknown or deleted" },
      ]);
    const now = new Date().toISOString();
    const result = this.db
      .prepare(
        "UPDATE docs SET deleted = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE kind = ? AND id = ? AND version = ?",
      )
      .run(deleted ? 1 : 0, now, meta.actor, kind, id, expectedVersion);
    if (result.changes !== 1) throw stale(kind, id, expectedVersion, current.version);
    this.log(kind, id, expectedVersion + 1, deleted ? "delete" : "restore", meta, now, [
      { path: "deleted", before: !deleted, after: deleted },
    ]);
  }

  private log(
    kind: EntityKind,
    id: string,
    version: number,
    action: HistoryAction,
    meta: WriteMeta,
    now: string,
    changes: unknown,
  ): void {
    this.db
      .prepare(
        "INSERT INTO history (kind, entity_id, version, action, actor, at, comment, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        kind,
        id,
        version,
        action,
        meta.actor,
        now,
        meta.comment ?? null,
        JSON.stringify(changes),
      );
  }
}

function stale(kind: EntityKind, id: string, expected: number, actual: number): DomainError {
  return new DomainError(
    "precondition_failed",
    `${kind} "${id}" has changed: you edited version ${expected}, it is now at version ${actual}`,
    [{ path: "If-Match", problem: `expected version ${expected}, current version is ${actual}` }],
  );
}

function toStored<T>(r: DocRow): Stored<T> {
  return {
    id: r.id,
    doc: JSON.parse(r.doc) as T,
    version: r.version,
    deleted: r.deleted === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function toKey(r: KeyRow): StoredKey {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    hash: r.hash,
    createdAt: r.created_at,
    revoked: r.revoked === 1,
  };
}
