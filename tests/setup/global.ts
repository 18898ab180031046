/** Builds the compiled hub once so integration tests can spawn `node dist/core/cli.js`. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('node', ['scripts/build-hub.mjs'], { stdio: 'inherit' });
}
