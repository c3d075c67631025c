#!/usr/bin/env node
// `npm run demo:basics`: provisions examples/basics with the built-in providers and shows the outputs
// (`npm run demo` runs the shoe-store workshop on the local cloud: scripts/demo-shoe-store.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'streamform.js');
const dir = 'examples/basics';
function run(args, title) {
  if (title) console.log(`\n\x1b[1m$ streamform ${args.join(' ')}\x1b[0m   # ${title}`);
  const r = spawnSync(process.execPath, [bin, `-chdir=${join(root, dir)}`, ...args], { stdio: 'inherit' });
  if (r.status !== 0 && !(args[0] === 'plan' && r.status === 2)) process.exit(r.status ?? 1);
  return r.status;
}
run(['init'], 'check the configuration and providers');
run(['plan', '-detailed-exitcode'], 'what would change');
run(['apply', '-auto-approve'], 'make it real; state goes to examples/basics/terraform.tfstate.db');
run(['output', '-json'], 'outputs as JSON');
run(['plan', '-detailed-exitcode'], 'a second plan finds nothing to do');
console.log(`\nTry next:\n  npx streamform -chdir=${dir} state list\n  npx streamform -chdir=${dir} apply -var environment=staging\n  npx streamform -chdir=${dir} destroy -auto-approve\n`);
