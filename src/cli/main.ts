/**
 * cli: the `streamform` command. The one place that imports both halves (provisioner and cloud).
 * Parses Terraform-style flags, dispatches to one function per command group, maps results to
 * exit codes (0 ok, 1 error, 2 changes with -detailed-exitcode, 3 fmt -check).
 */
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { runApply } from './apply-command.js';
import { EXIT_ERROR } from './exit-codes.js';
import { collect, normalizeArgs, orderedVarArgs, parseBoolFlag } from './flags.js';
import { fmtCommand } from './fmt-command.js';
import { graphCommand, importCommand, initCommand, validateCommand, versionCommand } from './misc-commands.js';
import { runPlan } from './plan-command.js';
import type { CommonOptions } from './run-plan.js';
import { forceUnlock, outputCommand, showState, stateList, stateMv, statePull, statePush, stateRm, stateShow, taint } from './state-commands.js';
import { processIo, useColor, type Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { registerCloudCommands, cloudAwareResolver } from './cloud-commands.js';
import { registerInsideCommands } from './inside/index.js';
import { registerOpsCommands } from './ops/index.js';
import { registerLineageCommand } from './lineage/index.js';
import { registerShellCommand, registerSqlCommand, registerStatementCommands } from './sql/index.js';

type Opts = Record<string, unknown>;

function common(io: Io, o: Opts, args: readonly string[]): CommonOptions {
  return {
    color: useColor(io, o.color === false),
    json: o.json === true,
    lock: parseBoolFlag(o.lock as string | boolean | undefined, true),
    lockTimeout: String(o.lockTimeout ?? '0s'),
    parallelism: Number(o.parallelism ?? 10) || 10,
    input: parseBoolFlag(o.input as string | boolean | undefined, true),
    varArgs: orderedVarArgs(args),
  };
}

function planLikeOptions(cmd: Command): Command {
  return cmd
    .option('--var <name=value>', 'set a variable (repeatable)', collect, [])
    .option('--var-file <file>', 'read variables from a file (repeatable)', collect, [])
    .option('--target <address>', 'limit to this resource and its dependencies (repeatable)', collect, [])
    .option('--replace <address>', 'force replacement of this instance (repeatable)', collect, [])
    .option('--refresh [bool]', 'read the current state of every object first (default true)')
    .option('--refresh-only', 'only reconcile state with what exists')
    .option('--lock [bool]', 'lock the state (default true)')
    .option('--lock-timeout <duration>', 'wait this long for the state lock', '0s')
    .option('--parallelism <n>', 'concurrent operations', '10')
    .option('--input [bool]', 'ask for missing variables on a terminal (default true)')
    .option('--no-color', 'no ANSI colours')
    .option('--json', 'machine-readable output');
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let args = normalizeArgs(argv.slice(2));
  // -chdir=DIR comes before the subcommand, as in Terraform.
  const chdir = args[0] && /^--chdir(=|$)/.test(args[0]) ? (args[0].includes('=') ? args[0].slice(args[0].indexOf('=') + 1) : args[1]) : undefined;
  if (chdir !== undefined) {
    args = args[0]!.includes('=') ? args.slice(1) : args.slice(2);
    const d = resolve(chdir);
    if (!existsSync(d) || !statSync(d).isDirectory()) { io.err(`Error: Invalid -chdir option: ${chdir} is not a directory\n`); return EXIT_ERROR; }
    process.chdir(d);
  }
  const dir = process.cwd();
  let code = 0;
  const set = (c: number): void => { code = c; };
  const program = new Command('streamform')
    .description('Terraform for Confluent Cloud for Apache Flink, with the cloud included.\n\nGlobal option: -chdir=DIR switches to DIR before running the command.')
    .version(STREAMFORM_VERSION, '-v, --version')
    .showHelpAfterError('(run streamform <command> -help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  program.command('init').description('Prepare the working directory: check configuration and providers')
    .option('--no-color').option('--json').option('--upgrade', 'accepted for compatibility').option('--backend [bool]')
    .action(async (o: Opts) => set(await initCommand(io, dir, { color: useColor(io, o.color === false), json: o.json === true })));

  program.command('validate').description('Check whether the configuration is valid')
    .option('--no-color').option('--json')
    .action(async (o: Opts) => set(await validateCommand(io, dir, { color: useColor(io, o.color === false), json: o.json === true })));

  program.command('fmt').description('Rewrite configuration files to the canonical format')
    .argument('[target...]').option('--check', 'exit 3 when files need formatting; write nothing').option('--diff', 'show the changes')
    .option('--write [bool]').option('--list [bool]').option('--recursive').option('--no-color')
    .action(async (targets: string[], o: Opts) => set(await fmtCommand(io, dir, targets, { check: o.check === true, diff: o.diff === true, write: parseBoolFlag(o.write as string | undefined, o.check !== true), list: parseBoolFlag(o.list as string | undefined, true), recursive: o.recursive === true, color: useColor(io, o.color === false) })));

  planLikeOptions(program.command('plan').description('Show changes required by the current configuration'))
    .option('--out <file>', 'save the plan to a file for apply')
    .option('--destroy', 'plan to destroy everything')
    .option('--detailed-exitcode', 'exit 2 when there are changes')
    .option('--format <format>', 'text or markdown (ready to post on a pull request)', 'text')
    .option('--generate-config-out <file>', 'write configuration for import blocks that have none')
    .action(async (o: Opts) => {
      const c = common(io, o, args);
      const mode = o.destroy ? 'destroy' : o.refreshOnly ? 'refresh-only' : 'normal';
      set(await runPlan(io, dir, { ...c, mode, refresh: parseBoolFlag(o.refresh as string | undefined, true), targets: o.target as string[], replace: o.replace as string[], ...(o.out ? { out: String(o.out) } : {}), detailedExitcode: o.detailedExitcode === true, format: o.format === 'markdown' ? 'markdown' : 'text', ...(o.generateConfigOut ? { generateConfigOut: String(o.generateConfigOut) } : {}) }, cloudAwareResolver(io)));
    });

  for (const [name, desc] of [['apply', 'Create or update infrastructure'], ['destroy', 'Destroy previously-created infrastructure'], ['refresh', 'Update the state to match remote objects']] as const) {
    planLikeOptions(program.command(name).description(desc))
      .argument('[plan-file]').option('--auto-approve', 'skip interactive approval').option('--destroy')
      .action(async (planFile: string | undefined, o: Opts) => {
        const c = common(io, o, args);
        const mode = name === 'destroy' || o.destroy ? 'destroy' : name === 'refresh' || o.refreshOnly ? 'refresh-only' : 'normal';
        set(await runApply(io, dir, { ...c, mode, refresh: parseBoolFlag(o.refresh as string | undefined, true), targets: o.target as string[], replace: o.replace as string[], autoApprove: o.autoApprove === true || name === 'refresh', ...(planFile ? { planFile } : {}) }, cloudAwareResolver(io)));
      });
  }

  program.command('show').description('Show the state or a saved plan').argument('[plan-file]').option('--json').option('--no-color')
    .action(async (planFile: string | undefined, o: Opts) => {
      const color = useColor(io, o.color === false);
      if (planFile) { const { showPlanFile } = await import('./show-plan.js'); set(await showPlanFile(io, dir, planFile, { color, json: o.json === true })); }
      else set(await showState(io, dir, { color, json: o.json === true }));
    });

  program.command('output').description('Show output values from the state').argument('[name]').option('--json').option('--raw').option('--no-color')
    .action(async (name: string | undefined, o: Opts) => set(await outputCommand(io, dir, name, { color: useColor(io, o.color === false), format: o.json ? 'json' : o.raw ? 'raw' : 'human' })));

  const state = program.command('state').description('Advanced state management');
  state.command('list').argument('[address...]').option('--id <id>').option('--json').option('--no-color')
    .action(async (a: string[], o: Opts) => set(await stateList(io, dir, a, { color: useColor(io, o.color === false), json: o.json === true, ...(o.id ? { id: String(o.id) } : {}) })));
  state.command('show').argument('<address>').option('--json').option('--no-color')
    .action(async (a: string, o: Opts) => set(await stateShow(io, dir, a, { color: useColor(io, o.color === false), json: o.json === true })));
  state.command('mv').argument('<source>').argument('<destination>').option('--dry-run').option('--no-color').option('--lock [bool]').option('--lock-timeout <d>')
    .action(async (f: string, t: string, o: Opts) => set(await stateMv(io, dir, f, t, { color: useColor(io, o.color === false), dryRun: o.dryRun === true })));
  state.command('rm').argument('<address...>').option('--dry-run').option('--no-color').option('--lock [bool]').option('--lock-timeout <d>')
    .action(async (a: string[], o: Opts) => set(await stateRm(io, dir, a, { color: useColor(io, o.color === false), dryRun: o.dryRun === true })));
  state.command('pull').option('--no-color').action(async (o: Opts) => set(await statePull(io, dir, { color: useColor(io, o.color === false) })));
  state.command('push').argument('<file>').option('--force').option('--no-color')
    .action(async (f: string, o: Opts) => set(await statePush(io, dir, f, { color: useColor(io, o.color === false), force: o.force === true })));

  planLikeOptions(program.command('import').description('Associate an existing object with a resource address').argument('<address>').argument('<id>'))
    .action(async (a: string, id: string, o: Opts) => set(await importCommand(io, dir, a, id, common(io, o, args), cloudAwareResolver(io))));
  program.command('taint').argument('<address>').option('--no-color').option('--lock [bool]').option('--allow-missing')
    .action(async (a: string, o: Opts) => set(await taint(io, dir, a, true, { color: useColor(io, o.color === false) })));
  program.command('untaint').argument('<address>').option('--no-color').option('--lock [bool]').option('--allow-missing')
    .action(async (a: string, o: Opts) => set(await taint(io, dir, a, false, { color: useColor(io, o.color === false) })));
  program.command('graph').description('Print the dependency graph in DOT').option('--type <type>').option('--no-color')
    .action(async (o: Opts) => set(await graphCommand(io, dir, { color: useColor(io, o.color === false) })));
  program.command('force-unlock').argument('<lock-id>').option('--force').option('--no-color')
    .action(async (id: string, o: Opts) => set(await forceUnlock(io, dir, id, { color: useColor(io, o.color === false), force: o.force === true })));
  program.command('version').description('Show the version').option('--json').action((o: Opts) => set(versionCommand(io, { json: o.json === true })));

  registerCloudCommands(program, io, dir, set);
  registerInsideCommands(program, io, dir, set);
  registerOpsCommands(program, io, dir, set);
  registerSqlCommand(program, io, dir, set);
  registerShellCommand(program, io, dir, set);
  registerStatementCommands(program, io, dir, set);
  registerLineageCommand(program, io, dir, set);

  try {
    await program.parseAsync(['node', 'streamform', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_ERROR;
    }
    io.err(`Error: ${(e as Error).stack ?? String(e)}\n\nThis is a bug in streamform; please report it.\n`);
    return EXIT_ERROR;
  }
  return code;
}

export { Option };
