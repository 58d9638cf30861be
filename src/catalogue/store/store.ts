/**
 * The catalogue store port, in the core's terms: versioned documents (songs, vocabulary terms,
 * films) with soft delete, an append-only history of field-level changes, and API keys kept only
 * as hashes. Adapters (SQLite today, a server database later) implement it; ranking and HTTP code
 * never see SQL.
 *
 * Writes are conditional: `expectedVersion` must equal the stored version or the write fails with
 * `precondition_failed`, so two editors can never silently overwrite each other. Every method that
 * writes does so in one transaction: it happens completely or not at all.
 */
import type { Film, Mood, Song, Theme } from "../../domain/index.js";

export type EntityKind = "song" | "theme" | "mood" | "film";
export type DocOf<K extends EntityKind> = K extends "song"
  ? Song
  : K extends "theme"
    ? Theme
    : K extends "mood"
      ? Mood
      : Film;

export interface Stored<T> {
  id: string;
  doc: T;
  version: number;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface FieldChange {
  /** Dotted path of the changed field ("year", "recordings.0.year"); "" for the whole document. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export type HistoryAction = "create" | "update" | "delete" | "restore" | "import" | "seed";

export interface HistoryEntry {
  seq: number;
  entity: EntityKind;
  entityId: string;
  version: number;
  action: HistoryAction;
  actor: string;
  at: string;
  comment?: string;
  changes: FieldChange[];
}

export interface WriteMeta {
  actor: string;
  comment?: string | undefined;
}

/** One write of a batch (import); all writes of a batch commit together or not at all. */
export interface BatchWrite<K extends EntityKind = EntityKind> {
  kind: K;
  id: string;
  doc: DocOf<K>;
  /** null: must not exist yet (create); a number: must be at that version (update). */
  expectedVersion: number | null;
}

export type Role = "reader" | "editor" | "admin";

export interface StoredKey {
  id: string;
  name: string;
  role: Role;
  hash: string;
  createdAt: string;
  revoked: boolean;
}

export interface CatalogueStore {
  /** Changes whenever any committed write happened, by this process or another one. */
  revision(): number;
  list<K extends EntityKind>(kind: K, options?: { includeDeleted?: boolean }): Stored<DocOf<K>>[];
  get<K extends EntityKind>(kind: K, id: string): Stored<DocOf<K>> | null;
  /** Id → version of every entry of a kind that is not deleted (cheap: no documents are read). */
  versions(kind: EntityKind): Map<string, number>;
  create<K extends EntityKind>(
    kind: K,
    id: string,
    doc: DocOf<K>,
    meta: WriteMeta,
  ): Stored<DocOf<K>>;
  update<K extends EntityKind>(
    kind: K,
    id: string,
    doc: DocOf<K>,
    expectedVersion: number,
    meta: WriteMeta,
  ): Stored<DocOf<K>>;
  remove(kind: EntityKind, id: string, expectedVersion: number, meta: WriteMeta): Stored<unknown>;
  restore(kind: EntityKind, id: string, meta: WriteMeta): Stored<unknown>;
  applyBatch(writes: readonly BatchWrite[], meta: WriteMeta, action?: HistoryAction): number;
  history(kind: EntityKind, id: string): HistoryEntry[];
  addKey(key: StoredKey): void;
  findKeyByHash(hash: string): StoredKey | null;
  listKeys(): StoredKey[];
  revokeKey(id: string): boolean;
  close(): void;
}
