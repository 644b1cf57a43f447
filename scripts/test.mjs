// `npm test`: every suite, in order of cost. Stops at the first failing step.
import { spawnSync } from "node:child_process";

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ["lint + format", bin("biome"), ["ci", "."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["unit + integration", bin("vitest"), ["run"]],
  ["build", bin("remix"), ["build"]],
  ["browser", bin("vitest"), ["run", "-c", "vitest.e2e.config.ts"]],
];

for (const [label, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: label === "build" ? "production" : "test" },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${label} GAGAL (failed) after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${label} ok (${seconds}s)`);
}
