/**
 * The `soundtrack` command line: the same services as the HTTP API, printed as tables (or JSON).
 * Exit codes: 0 success, 1 catalogue problems, 2 bad arguments.
 */
import { Command, CommanderError } from "commander";
import { DomainError } from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { RoleSchema } from "../services/auth.js";
import { loadConfig } from "../config.js";
import { openCatalogue, openService, projectVersion, type Service } from "../container.js";
import {
  exportCommand,
  importCommand,
  keysCreate,
  keysList,
  songsAdd,
  songsEdit,
  songsHistory,
  songsRemove,
  songsRestore,
} from "./commands/curation.js";
import { planCommand } from "./commands/plan.js";
import { resolveCommand } from "./commands/resolve.js";
import { searchCommand } from "./commands/search.js";
import { suggestCommand } from "./commands/suggest.js";
import { validateCommand } from "./commands/validate.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(
  out: (s: string) => void,
  setExit: (code: number) => void,
  closers: (() => void)[] = [],
): Command {
  const program = new Command("soundtrack")
    .description("Period songs for film scenes, with reasons")
    .version(projectVersion())
    .option("--data <dir>", "read the catalogue from this data/ directory instead of the database")
    .option("--db <file>", "catalogue database (default: DB_PATH or var/catalogue.db)")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: out });
  const dataDir = () => (program.opts().data as string | undefined) ?? loadConfig().dataDir;
  let service: Service | null = null;
  /** The editable service over the database (DB_PATH or --db), opened once per run. */
  const svc = (): Service => {
    if (!service) {
      const config = loadConfig();
      const db = program.opts().db as string | undefined;
      service = openService({ ...config, dataDir: dataDir(), ...(db ? { dbPath: db } : {}) });
      closers.push(() => service?.close());
    }
    return service;
  };
  /** Reads come from data/ files when --data is given, else from the database. */
  const catalogue = (): Catalogue =>
    program.opts().data ? openCatalogue({ dataDir: dataDir() }) : svc().live.current();

  program
    .command("suggest")
    .description("rank catalogue songs for a scene described in Russian or English")
    .argument("[description...]", "free-text scene description")
    .option("--year <year>", "story year")
    .option("--era <era>", 'era: "1960s" or "1961-1969"')
    .option("--country <code>", "country of the story (ISO code, SU for the USSR)")
    .option("--language <code>", "preferred song language")
    .option("--theme <id>", "vocabulary theme (repeatable)", collect)
    .option("--mood <id>", "vocabulary mood (repeatable)", collect)
    .option("--limit <n>", "number of suggestions (1-100)")
    .option("--anachronisms", "also allow songs released after the story year")
    .option("--json", "print JSON")
    .action((words: string[], opts) => {
      setExit(suggestCommand(catalogue(), words.join(" ") || undefined, opts, out));
    });

  program
    .command("search")
    .description("search the catalogue by title, performer, composer, lyricist or theme")
    .argument("[query...]", "words to search for, in any script")
    .option("--decade <decade>", 'e.g. "1960s"')
    .option("--country <code>", "ISO country code")
    .option("--theme <id>", "vocabulary theme")
    .option("--mood <id>", "vocabulary mood")
    .option("--limit <n>", "number of results (1-100)")
    .option("--json", "print JSON")
    .action((words: string[], opts) => {
      setExit(searchCommand(catalogue(), words.join(" ") || undefined, opts, out));
    });

  program
    .command("plan")
    .description("plan a whole film's soundtrack from a film JSON file (see data/films/)")
    .argument("<film>", "path to a film JSON file")
    .option("--format <format>", "table (default), csv (cue sheet), m3u8, xspf or json")
    .option("--per-scene <n>", "songs per scene (1-5)")
    .option("--alternates <n>", "alternates listed per scene (0-10)")
    .option("--anachronisms", "also allow songs released after a scene's year")
    .action((file: string, opts) => {
      setExit(planCommand(catalogue(), file, opts, out));
    });

  program
    .command("resolve")
    .description("find songs on Spotify (needs SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET)")
    .argument("[songs...]", "song ids")
    .option("--all", "every song in the catalogue")
    .option(
      "--review <confidence>",
      "resolved below this confidence count as low-confidence",
      "0.8",
    )
    .option("--json", "print JSON")
    .action(async (ids: string[], opts) => {
      setExit(await resolveCommand(catalogue(), svc().streaming.resolver, ids, opts, out));
    });

  const songs = program.command("songs").description("edit songs in the catalogue database");
  songs
    .command("add")
    .description("add a song from a JSON file (- for stdin)")
    .argument("<file>")
    .option("--comment <why>", "why, for the history")
    .option("--force", "add even if it looks like a duplicate")
    .action((file: string, opts) => setExit(songsAdd(svc(), file, opts, out)));
  songs
    .command("edit")
    .description(
      "change fields of a song: --set year=1966 --set 'themes=[\"love\"]' or --file patch.json",
    )
    .argument("<id>")
    .option("--set <field=value>", "a field to set (JSON values allowed; repeatable)", collect)
    .option("--file <patch.json>", "a JSON Merge Patch file")
    .option("--comment <why>", "why, for the history")
    .action((id: string, opts) => setExit(songsEdit(svc(), id, opts, out)));
  songs
    .command("rm")
    .description("delete a song (restorable)")
    .argument("<id>")
    .option("--comment <why>", "why, for the history")
    .action((id: string, opts) => setExit(songsRemove(svc(), id, opts, out)));
  songs
    .command("restore")
    .description("restore a deleted song")
    .argument("<id>")
    .option("--comment <why>", "why, for the history")
    .action((id: string, opts) => setExit(songsRestore(svc(), id, opts, out)));
  songs
    .command("history")
    .description("who changed what, when and why")
    .argument("<id>")
    .option("--json", "print JSON")
    .action((id: string, opts: { json?: boolean }) =>
      setExit(songsHistory(svc(), id, opts.json ?? false, out)),
    );

  program
    .command("import")
    .description("import songs from a JSON array or a CSV file (all or nothing)")
    .argument("<file>")
    .option("--dry-run", "report what would change, change nothing")
    .option("--comment <why>", "why, for the history")
    .action((file: string, opts) => setExit(importCommand(svc(), file, opts, out)));

  program
    .command("export")
    .description("write the database back as data/ files (stable order and formatting)")
    .requiredOption("--to <dir>", "target directory, e.g. data/")
    .action((opts: { to: string }) => setExit(exportCommand(svc(), opts.to, out)));

  const keys = program.command("keys").description("API keys for the HTTP API");
  keys
    .command("create")
    .description("create a key and print it once")
    .requiredOption("--role <role>", "reader, editor or admin")
    .option("--name <name>", "who it is for", "unnamed")
    .action((opts: { role: string; name: string }) => {
      const role = RoleSchema.safeParse(opts.role);
      if (!role.success)
        throw new DomainError("invalid_input", `--role must be reader, editor or admin`, [
          { path: "role", problem: "unknown role" },
        ]);
      setExit(keysCreate(svc(), role.data, opts.name, out));
    });
  keys
    .command("list")
    .description("list keys (never the keys themselves)")
    .action(() => setExit(keysList(svc(), out)));
  keys
    .command("revoke")
    .description("revoke a key by id")
    .argument("<id>")
    .action((id: string) => {
      svc().keys.revoke(id);
      out(`revoked ${id}`);
      setExit(0);
    });

  program
    .command("validate")
    .description("check every file in data/ and report problems precisely")
    .action(() => {
      setExit(validateCommand(dataDir(), out));
    });
  return program;
}

export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => console.log(s),
): Promise<number> {
  let code = 0;
  const closers: (() => void)[] = [];
  const program = buildProgram(out, (c) => (code = c), closers);
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof DomainError) {
      out(`error: ${err.message}`);
      for (const d of err.details.slice(0, 20)) out(`  ${d.path || "(input)"}: ${d.problem}`);
      return err.code === "catalogue_invalid" ? 1 : 2;
    }
    throw err;
  } finally {
    closers.forEach((close) => close());
  }
}

const invokedDirectly =
  process.argv[1]?.endsWith("main.ts") || process.argv[1]?.endsWith("main.js");
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2));
}
