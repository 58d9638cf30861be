/**
 * Editing commands over the local database: `songs add|edit|rm|restore|history`, `import`,
 * `export`, `keys create|list|revoke`. Whoever can open the database file acts as an admin; edits
 * are still validated, versioned and recorded in the history under "cli:<user>".
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { DomainError, type Film, type Mood, type Song, type Theme } from "../../domain/index.js";
import { songsFromCsv } from "../../catalogue/csv-songs.js";
import { exportCatalogue } from "../../catalogue/data-export.js";
import type { Service } from "../../container.js";
import type { Role } from "../../catalogue/store/store.js";
import type { Principal } from "../../services/principal.js";
import { table } from "../table.js";

export function cliPrincipal(): Principal {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { id: "cli", name: `cli:${user}`, role: "admin" };
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (err) {
    throw new DomainError(
      "invalid_input",
      `Cannot read JSON from ${file}: ${(err as Error).message}`,
      [{ path: "file", problem: "unreadable or not JSON" }],
    );
  }
}

/** Parses `--set field=value` items into a merge patch; values are JSON when they parse as JSON. */
export function patchFromSets(sets: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const item of sets) {
    const eq = item.indexOf("=");
    if (eq <= 0)
      throw new DomainError("invalid_input", `--set ${item}: expected field=value`, [
        { path: "set", problem: "expected field=value" },
      ]);
    const key = item.slice(0, eq);
    const raw = item.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string
    }
    patch[key] = value;
  }
  return patch;
}

export interface EditOptions {
  comment?: string;
  force?: boolean;
  file?: string;
  set?: string[];
  dryRun?: boolean;
}

export function songsAdd(
  svc: Service,
  file: string,
  opts: EditOptions,
  out: (s: string) => void,
): number {
  const stored = svc.curation.createSong(cliPrincipal(), readJsonFile(file), opts);
  out(`added ${stored.id} (version ${stored.version})`);
  return 0;
}

export function songsEdit(
  svc: Service,
  id: string,
  opts: EditOptions,
  out: (s: string) => void,
): number {
  const patch = opts.file ? readJsonFile(opts.file) : patchFromSets(opts.set ?? []);
  if (!opts.file && (opts.set ?? []).length === 0)
    throw new DomainError(
      "invalid_input",
      "Give --set field=value (repeatable) or --file patch.json",
      [{ path: "set", problem: "nothing to change" }],
    );
  const current = svc.curation.get("song", id);
  const stored = svc.curation.patchSong(cliPrincipal(), id, patch, current.version, opts);
  out(`updated ${id}: version ${current.version} -> ${stored.version}`);
  return 0;
}

export function songsRemove(
  svc: Service,
  id: string,
  opts: EditOptions,
  out: (s: string) => void,
): number {
  const current = svc.curation.get("song", id);
  svc.curation.deleteSong(cliPrincipal(), id, current.version, opts);
  out(`deleted ${id} (restore with: soundtrack songs restore ${id})`);
  return 0;
}

export function songsRestore(
  svc: Service,
  id: string,
  opts: EditOptions,
  out: (s: string) => void,
): number {
  const stored = svc.curation.restore(cliPrincipal(), "song", id, opts);
  out(`restored ${id} (version ${stored.version})`);
  return 0;
}

export function songsHistory(
  svc: Service,
  id: string,
  json: boolean,
  out: (s: string) => void,
): number {
  const entries = svc.curation.history("song", id);
  if (json) {
    out(JSON.stringify(entries, null, 2));
    return 0;
  }
  const rows = entries.map((e) => [
    String(e.version),
    e.at.replace("T", " ").slice(0, 19),
    e.actor,
    e.action,
    e.changes.length > 6
      ? `${e.changes.length} fields`
      : e.changes.map((c) => c.path || "(all)").join(", "),
    e.comment ?? "",
  ]);
  out(table(["v", "when (UTC)", "who", "what", "fields", "why"], rows, 60));
  return 0;
}

export function importCommand(
  svc: Service,
  file: string,
  opts: EditOptions,
  out: (s: string) => void,
): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new DomainError("invalid_input", `Cannot read ${file}: ${(err as Error).message}`, [
      { path: "file", problem: "unreadable" },
    ]);
  }
  const isCsv = path.extname(file).toLowerCase() === ".csv";
  let rows: unknown;
  if (isCsv) rows = songsFromCsv(text);
  else {
    try {
      rows = JSON.parse(text);
    } catch {
      throw new DomainError("invalid_input", `${file} is neither JSON nor .csv`, [
        { path: "file", problem: "malformed JSON" },
      ]);
    }
  }
  if (!Array.isArray(rows))
    throw new DomainError("invalid_input", `${file} must hold a JSON array of songs`, [
      { path: "file", problem: "not an array" },
    ]);
  const report = svc.curation.importSongs(cliPrincipal(), rows, opts);
  const c = report.counts;
  for (const r of report.rows.filter((x) => x.status === "rejected").slice(0, 50)) {
    out(
      `row ${r.row}${r.id ? ` (${r.id})` : ""}: ${(r.problems ?? []).map((p) => `${p.path || "(row)"}: ${p.problem}`).join("; ")}`,
    );
  }
  out(
    `${report.dryRun ? "dry run, nothing written: " : ""}${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`,
  );
  return c.rejected > 0 ? 1 : 0;
}

export function exportCommand(svc: Service, dir: string, out: (s: string) => void): number {
  const docs = <T>(kind: "song" | "theme" | "mood" | "film") =>
    svc.store.list(kind).map((x) => x.doc as T);
  const summary = exportCatalogue(dir, {
    themes: docs<Theme>("theme"),
    moods: docs<Mood>("mood"),
    songs: docs<Song>("song"),
    films: docs<Film>("film"),
  });
  out(
    `exported to ${dir}: ${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed`,
  );
  return 0;
}

export function keysCreate(
  svc: Service,
  role: Role,
  name: string,
  out: (s: string) => void,
): number {
  const created = svc.keys.create(role, name);
  out(`${created.key}`);
  out(
    `(key ${created.id}, role ${created.role}, name ${created.name}; shown once, only its hash is stored)`,
  );
  return 0;
}

export function keysList(svc: Service, out: (s: string) => void): number {
  const rows = svc.keys
    .list()
    .map((k) => [k.id, k.name, k.role, k.createdAt, k.revoked ? "revoked" : "active"]);
  out(table(["id", "name", "role", "created", "state"], rows));
  return 0;
}
