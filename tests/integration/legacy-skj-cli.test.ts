// `npm run cli -- import:skj` as an operator runs it (contract §7.5): the --json shape, a dry run storing
// nothing, a real run storing the drafts, and a file that is no SKJ refused with exit code 1.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { importSotkFiles } from "~/services/sotk-import.server";
import type { Db } from "~db/client.server";
import { useTestDatabase } from "../setup/test-db";

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/legacy-skj/${name}`, import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
let db: Db;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, "cli/index.ts", ...args], {
    cwd: root,
    env: { ...process.env },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const draftCount = () => db.get<{ n: number }>(sql`select count(*) as n from skj_drafts`).n;

beforeAll(async () => {
  db = await useTestDatabase("reference");
  const files = ["sotk-units.csv", "sotk-positions.csv"].map((name) => ({ name, bytes: new Uint8Array(readFileSync(fixturePath(name))) }));
  expect((await importSotkFiles(db, files, null)).ok).toBe(true);
});

// each run starts a TypeScript process of its own, which takes seconds on a busy machine
describe("import:skj", { timeout: 90_000 }, () => {
  it("prints the §7.5 JSON on a dry run and stores nothing", () => {
    const run = cli("import:skj", fixturePath("a1-bordered.docx"), "--dry-run", "--json");
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { documents: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(["documents"]);
    expect(out.documents.map((d) => Object.keys(d))).toEqual(
      Array(3).fill(["source", "match", "candidates", "document", "unmatchedCompetencies", "problems"]),
    );
    expect(out.documents.map((d) => d.source)).toEqual(
      [1, 2, 3].map((page, i) => ({ file: fixturePath("a1-bordered.docx"), page, table: [1, 4, 7][i] })),
    );
    expect(out.documents.map((d) => (d.match as { positionCode: string }).positionCode)).toEqual([
      "LPM.DISDIK.KADIS",
      "LPM.DISDIK.UMPEG.KASUBBAG",
      "LPM.SETDA.ORG.ANALIS-KEBIJAKAN-AM",
    ]);
    expect((out.documents[0]!.unmatchedCompetencies as { name: string }[])[0]).toEqual({
      name: "Pengelolaan Pendidikan Dasar",
      level: 4,
      description: "Mampu mengembangkan kebijakan dan strategi pengelolaan pendidikan dasar di daerah",
      indicators: expect.any(Array),
    });
    expect(draftCount()).toBe(0);
  });

  it("stores the drafts without --dry-run and says what it did", () => {
    const run = cli("import:skj", fixturePath("a2-form.xlsx"));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Draf dibuat: 3, diganti: 0, tidak berubah: 0, ditolak: 0");
    expect(draftCount()).toBe(3);
  });

  it("refuses a file that holds no SKJ, naming it, with exit code 1", () => {
    const run = cli("import:skj", fixturePath("sotk-units.csv"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${fixturePath("sotk-units.csv")}: Berkas ini bukan Word (.docx), Excel (.xlsx), atau PDF.`);
  });
});
