/**
 * Editing the catalogue safely. Every write is validated with the same schemas as the read side,
 * checked against the current vocabulary and for duplicates, permitted by role, conditional on the
 * version the editor saw, and recorded in the history with who, when, what and why.
 *
 * Roles: editors edit songs and films; admins also edit the vocabulary, restore deleted entries and
 * force a song the duplicate check refuses.
 */
import {
  DomainError,
  FilmSchema,
  MoodSchema,
  SongSchema,
  ThemeSchema,
  VocabularySchema,
  issuesToDetails,
  type Film,
  type IssueDetail,
  type Mood,
  type Song,
  type Theme,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { workKeys } from "../catalogue/people.js";
import { unknownTerms } from "../catalogue/quality.js";
import type {
  BatchWrite,
  CatalogueStore,
  EntityKind,
  HistoryEntry,
  Stored,
} from "../catalogue/store/store.js";
import { mergePatch } from "./merge-patch.js";
import { actorOf, requireRole, type Principal } from "./principal.js";

export interface WriteOptions {
  comment?: string | undefined;
  /** Admin only: accept a song the duplicate check refuses. */
  force?: boolean | undefined;
}

export type TermKind = "theme" | "mood";

export interface ImportRowReport {
  row: number;
  id: string | null;
  status: "created" | "updated" | "unchanged" | "rejected";
  problems?: IssueDetail[];
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  counts: Record<ImportRowReport["status"], number>;
  rows: ImportRowReport[];
}

function invalid(what: string, details: IssueDetail[]): DomainError {
  const first = details[0];
  return new DomainError(
    "invalid_input",
    `Invalid ${what} (${first ? `${first.path}: ${first.problem}` : "invalid"})`,
    details,
  );
}

function parse<T>(
  schema: {
    safeParse(
      x: unknown,
    ): { success: true; data: T } | { success: false; error: import("zod").ZodError };
  },
  input: unknown,
  what: string,
): T {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(what, issuesToDetails(r.error));
  return r.data;
}

/**
 * A replacement body takes its id from the URL when it names none; a body naming another id is
 * refused (ids never change).
 */
function withUrlId<T extends { id?: string | undefined }>(
  what: string,
  id: string,
  body: unknown,
  check: (body: unknown) => T,
): T {
  const withId =
    typeof body === "object" && body !== null && !Array.isArray(body) ? { id, ...body } : body;
  const entry = check(withId);
  if (entry.id !== id) {
    throw invalid(what, [
      { path: "id", problem: `must be "${id}" (the id in the URL); ids cannot be changed` },
    ]);
  }
  return entry;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Curation {
  constructor(
    private readonly store: CatalogueStore,
    private readonly catalogue: () => Catalogue,
  ) {}

  // ---- reading -------------------------------------------------------------------------------

  get<K extends EntityKind>(kind: K, id: string): Stored<unknown> {
    const found = this.store.get(kind, id);
    if (!found || found.deleted)
      throw new DomainError("not_found", `${kind} "${id}" does not exist`, [
        {
          path: "id",
          problem: `no ${kind} "${id}"${found?.deleted ? " (it was deleted; an admin can restore it)" : ""}`,
        },
      ]);
    return found;
  }

  history(kind: EntityKind, id: string): HistoryEntry[] {
    const entries = this.store.history(kind, id);
    if (entries.length === 0)
      throw new DomainError("not_found", `${kind} "${id}" has no history`, [
        { path: "id", problem: "unknown" },
      ]);
    return entries;
  }

  // ---- songs ---------------------------------------------------------------------------------

  createSong(who: Principal, body: unknown, opts: WriteOptions = {}): Stored<Song> {
    requireRole(who, "editor", "add songs");
    const song = this.checkSong(who, body, opts);
    return this.store.create("song", song.id, song, { actor: actorOf(who), comment: opts.comment });
  }

  replaceSong(
    who: Principal,
    id: string,
    body: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Song> {
    requireRole(who, "editor", "edit songs");
    this.get("song", id);
    const song = withUrlId("song", id, body, (b) => this.checkSong(who, b, opts));
    return this.store.update("song", id, song, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  patchSong(
    who: Principal,
    id: string,
    patch: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Song> {
    requireRole(who, "editor", "edit songs");
    if (typeof patch !== "object" || patch === null || Array.isArray(patch))
      throw invalid("patch", [{ path: "", problem: "must be a JSON object (a JSON Merge Patch)" }]);
    const current = this.get("song", id);
    return this.replaceSong(who, id, mergePatch(current.doc, patch), expectedVersion, opts);
  }

  deleteSong(
    who: Principal,
    id: string,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<unknown> {
    requireRole(who, "editor", "delete songs");
    this.get("song", id);
    return this.store.remove("song", id, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  restore(who: Principal, kind: EntityKind, id: string, opts: WriteOptions = {}): Stored<unknown> {
    requireRole(who, "admin", `restore a deleted ${kind}`);
    return this.store.restore(kind, id, { actor: actorOf(who), comment: opts.comment });
  }

  // ---- vocabulary ----------------------------------------------------------------------------

  createTerm(
    who: Principal,
    kind: TermKind,
    body: unknown,
    opts: WriteOptions = {},
  ): Stored<Theme | Mood> {
    requireRole(who, "admin", "edit the vocabulary");
    const term = this.checkTerm(kind, body);
    return this.store.create(kind, term.id, term, { actor: actorOf(who), comment: opts.comment });
  }

  replaceTerm(
    who: Principal,
    kind: TermKind,
    id: string,
    body: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Theme | Mood> {
    requireRole(who, "admin", "edit the vocabulary");
    this.get(kind, id);
    const term = withUrlId(kind, id, body, (b) => this.checkTerm(kind, b));
    return this.store.update(kind, id, term, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  patchTerm(
    who: Principal,
    kind: TermKind,
    id: string,
    patch: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Theme | Mood> {
    const current = this.get(kind, id);
    return this.replaceTerm(who, kind, id, mergePatch(current.doc, patch), expectedVersion, opts);
  }

  deleteTerm(
    who: Principal,
    kind: TermKind,
    id: string,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<unknown> {
    requireRole(who, "admin", "edit the vocabulary");
    this.get(kind, id);
    const field = kind === "theme" ? "themes" : "moods";
    const users = this.store
      .list("song")
      .filter((s) => (s.doc as Song)[field].includes(id))
      .map((s) => s.id);
    const children =
      kind === "theme"
        ? this.store
            .list("theme")
            .filter((t) => (t.doc as Theme).parent === id || (t.doc as Theme).related.includes(id))
            .map((t) => t.id)
        : [];
    if (users.length > 0 || children.length > 0) {
      throw new DomainError("conflict", `${kind} "${id}" is still in use`, [
        ...users
          .slice(0, 20)
          .map((u) => ({ path: `songs.${u}`, problem: `song "${u}" uses ${kind} "${id}"` })),
        ...children.map((c) => ({
          path: `themes.${c}`,
          problem: `theme "${c}" refers to "${id}"`,
        })),
      ]);
    }
    return this.store.remove(kind, id, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  // ---- films ---------------------------------------------------------------------------------

  createFilm(who: Principal, body: unknown, opts: WriteOptions = {}): Stored<Film> {
    requireRole(who, "editor", "add films");
    const film = this.checkFilm(body);
    return this.store.create("film", film.id as string, film, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  replaceFilm(
    who: Principal,
    id: string,
    body: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Film> {
    requireRole(who, "editor", "edit films");
    this.get("film", id);
    const film = withUrlId("film", id, body, (b) => this.checkFilm(b));
    return this.store.update("film", id, film, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  patchFilm(
    who: Principal,
    id: string,
    patch: unknown,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<Film> {
    const current = this.get("film", id);
    return this.replaceFilm(who, id, mergePatch(current.doc, patch), expectedVersion, opts);
  }

  deleteFilm(
    who: Principal,
    id: string,
    expectedVersion: number,
    opts: WriteOptions = {},
  ): Stored<unknown> {
    requireRole(who, "editor", "delete films");
    this.get("film", id);
    return this.store.remove("film", id, expectedVersion, {
      actor: actorOf(who),
      comment: opts.comment,
    });
  }

  // ---- bulk import ---------------------------------------------------------------------------

  /**
   * Imports songs: each row is created, updated (by id) or left unchanged. With dryRun nothing is
   * written and the report says what would happen. Without it, any rejected row stops the whole
   * batch; otherwise all rows apply in one transaction.
   */
  importSongs(
    who: Principal,
    rows: readonly unknown[],
    opts: WriteOptions & { dryRun?: boolean } = {},
  ): ImportReport {
    requireRole(who, "editor", "import songs");
    const report: ImportRowReport[] = [];
    const writes: BatchWrite[] = [];
    const seenIds = new Map<string, number>();
    const batchKeys = new Map<string, string>();
    rows.forEach((raw, i) => {
      const row = i + 1;
      const id =
        typeof (raw as { id?: unknown })?.id === "string"
          ? ((raw as { id: string }).id as string)
          : null;
      try {
        const song = this.checkSong(who, raw, opts, batchKeys);
        if (seenIds.has(song.id))
          throw invalid("song", [
            {
              path: "id",
              problem: `"${song.id}" appears again (first in row ${seenIds.get(song.id)})`,
            },
          ]);
        seenIds.set(song.id, row);
        const current = this.store.get("song", song.id);
        if (current && !current.deleted && sameJson(current.doc, song)) {
          report.push({ row, id: song.id, status: "unchanged" });
        } else if (current && !current.deleted) {
          writes.push({ kind: "song", id: song.id, doc: song, expectedVersion: current.version });
          report.push({ row, id: song.id, status: "updated" });
        } else if (current) {
          throw invalid("song", [
            {
              path: "id",
              problem: `"${song.id}" was deleted; an admin must restore it before it can be imported again`,
            },
          ]);
        } else {
          writes.push({ kind: "song", id: song.id, doc: song, expectedVersion: null });
          report.push({ row, id: song.id, status: "created" });
        }
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        report.push({
          row,
          id,
          status: "rejected",
          problems: err.details.length > 0 ? err.details : [{ path: "", problem: err.message }],
        });
      }
    });
    const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of report) counts[r.status]++;
    const rejected = report.filter((r) => r.status === "rejected");
    if (opts.dryRun) return { dryRun: true, applied: false, counts, rows: report };
    if (rejected.length > 0) {
      throw invalid(
        "import: nothing was imported",
        rejected
          .flatMap((r) =>
            (r.problems ?? []).map((p) => ({
              path: `rows.${r.row}${p.path ? `.${p.path}` : ""}`,
              problem: p.problem,
            })),
          )
          .slice(0, 200),
      );
    }
    if (writes.length > 0)
      this.store.applyBatch(writes, { actor: actorOf(who), comment: opts.comment });
    return { dryRun: false, applied: true, counts, rows: report };
  }

  // ---- checks --------------------------------------------------------------------------------

  private checkSong(
    who: Principal,
    body: unknown,
    opts: WriteOptions,
    batchKeys?: Map<string, string>,
  ): Song {
    const song = parse(SongSchema, body, "song");
    const catalogue = this.catalogue();
    const terms = unknownTerms(song, catalogue.vocabulary);
    if (terms.length > 0)
      throw new DomainError(
        "unknown_term",
        `Unknown vocabulary term (${terms[0]?.path}: ${terms[0]?.problem})`,
        terms.map((t) => ({ path: t.path, problem: t.problem })),
      );
    const keys = workKeys(song);
    const existing =
      catalogue.duplicateOf(keys, song.id) ??
      keys.map((k) => batchKeys?.get(k)).find((other) => other !== undefined && other !== song.id);
    if (existing) {
      if (!opts.force) {
        throw new DomainError(
          "duplicate",
          `This looks like song "${existing}" already in the catalogue (same title and performer)`,
          [
            {
              path: "title",
              problem: `duplicate of "${existing}"; an admin may add it anyway with force`,
            },
          ],
        );
      }
      requireRole(who, "admin", "force a duplicate song");
    }
    for (const k of keys) batchKeys?.set(k, song.id);
    return song;
  }

  private checkTerm(kind: TermKind, body: unknown): Theme | Mood {
    const term: Theme | Mood =
      kind === "theme" ? parse(ThemeSchema, body, "theme") : parse(MoodSchema, body, "mood");
    // Check the whole vocabulary as it would be after this change: parents, related terms, cycles.
    const themes = this.store
      .list("theme")
      .map((t) => t.doc as Theme)
      .filter((t) => !(kind === "theme" && t.id === term.id));
    const moods = this.store
      .list("mood")
      .map((m) => m.doc as Mood)
      .filter((m) => !(kind === "mood" && m.id === term.id));
    const next =
      kind === "theme" ? { themes: [...themes, term], moods } : { themes, moods: [...moods, term] };
    const r = VocabularySchema.safeParse(next);
    if (!r.success) {
      const mine = issuesToDetails(r.error).map((d) => ({
        ...d,
        path: d.path.replace(/^(themes|moods)\.\d+\.?/, ""),
      }));
      throw invalid(kind, mine);
    }
    return term;
  }

  private checkFilm(body: unknown): Film {
    const film = parse(FilmSchema, body, "film");
    if (!film.id)
      throw invalid("film", [
        { path: "id", problem: "a stored film needs an id (a lowercase slug)" },
      ]);
    const catalogue = this.catalogue();
    const details: IssueDetail[] = [];
    film.scenes.forEach((scene, i) => {
      for (const p of unknownTerms(scene, catalogue.vocabulary))
        details.push({ path: `scenes.${i}.${p.path}`, problem: p.problem });
      scene.pinned.forEach((songId, j) => {
        if (!catalogue.get(songId))
          details.push({ path: `scenes.${i}.pinned.${j}`, problem: `no song with id "${songId}"` });
      });
    });
    if (details.length > 0) throw invalid("film", details);
    return film;
  }
}
