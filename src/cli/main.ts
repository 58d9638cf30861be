/**
 * The `soundtrack` command line: the same services as the HTTP API, printed as tables (or JSON).
 * Exit codes: 0 success, 1 catalogue problems, 2 bad arguments.
 */
import { Command, CommanderError } from "commander";
import { DomainError } from "../domain/index.js";
import { loadConfig } from "../config.js";
import { openCatalogue, projectVersion } from "../container.js";
import { planCommand } from "./commands/plan.js";
import { searchCommand } from "./commands/search.js";
import { suggestCommand } from "./commands/suggest.js";
import { validateCommand } from "./commands/validate.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(out: (s: string) => void, setExit: (code: number) => void): Command {
  const program = new Command("soundtrack")
    .description("Period songs for film scenes, with reasons")
    .version(projectVersion())
    .option("--data <dir>", "catalogue directory (default: DATA_DIR or data/)")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: out });
  const dataDir = () => (program.opts().data as string | undefined) ?? loadConfig().dataDir;

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
      setExit(
        suggestCommand(
          openCatalogue({ dataDir: dataDir() }),
          words.join(" ") || undefined,
          opts,
          out,
        ),
      );
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
      setExit(
        searchCommand(
          openCatalogue({ dataDir: dataDir() }),
          words.join(" ") || undefined,
          opts,
          out,
        ),
      );
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
      setExit(planCommand(openCatalogue({ dataDir: dataDir() }), file, opts, out));
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
  const program = buildProgram(out, (c) => (code = c));
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
  }
}

const invokedDirectly =
  process.argv[1]?.endsWith("main.ts") || process.argv[1]?.endsWith("main.js");
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2));
}
