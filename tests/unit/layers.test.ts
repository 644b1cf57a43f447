import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The layer rule of docs/decisions/037-one-direction-of-layers.md: each layer names the layers it may import.
// A layer missing from a list is above it; an import of it would point upward.
const ALLOWED = {
  domain: ["domain"],
  utils: ["utils", "domain"],
  db: ["db", "domain"],
  styles: [],
  components: ["components", "styles", "utils", "domain"],
  services: ["services", "components", "db", "utils", "domain"],
  seeds: ["seeds", "services", "db", "utils", "domain"],
  routes: ["routes", "components", "styles", "services", "db", "utils", "domain"],
  server: ["server", "services", "seeds", "db", "utils", "domain"],
  // the operator's commands: never the bench or other development scripts
  cli: ["cli", "services", "seeds", "db", "utils", "domain"],
} as const;
type Layer = keyof typeof ALLOWED;

const root = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE = /\.(ts|tsx|js|mjs)$/;
const TEST = /\.test\.(ts|tsx)$/;

function layerOf(file: string): Layer | null {
  if (TEST.test(file)) return null;
  const rules: [RegExp, Layer][] = [
    [/^app\/domain\//, "domain"],
    [/^app\/utils\//, "utils"],
    [/^app\/components\//, "components"],
    [/^app\/styles\//, "styles"],
    [/^app\/(services\/|auth\/|config\.server)/, "services"],
    [/^app\/(routes\/|root\b|entry\.server\b)/, "routes"],
    [/^seeds\//, "seeds"],
    [/^db\//, "db"],
    [/^server\//, "server"],
    [/^cli\//, "cli"],
  ];
  return rules.find(([pattern]) => pattern.test(file))?.[1] ?? null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE.test(entry.name) ? [relative] : [];
  });
}

/** Our own module an import names, as a path from the repository root; null for a package. */
function resolveOwn(from: string, specifier: string): string | null {
  const aliases: [string, string][] = [
    ["~/", "app/"],
    ["~db/", "db/"],
    ["~seeds/", "seeds/"],
  ];
  const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
  if (alias) return alias[1] + specifier.slice(alias[0].length);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return null;
}

interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

/** Every import of our own modules, type-only and dynamic ones included: a type import still couples the layers. */
function importsOf(file: string): ImportEdge[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return ts.preProcessFile(text, true, true).importedFiles.flatMap(({ fileName: specifier }) => {
    const to = resolveOwn(file, specifier);
    return to ? [{ from: file, to, specifier }] : [];
  });
}

const edges = ["app", "db", "seeds", "server", "cli"].flatMap(sourceFiles).flatMap(importsOf);

describe("layers keep one direction", () => {
  it("finds the imports it checks", () => {
    expect(edges.some((edge) => edge.from.startsWith("db/") && edge.to.startsWith("app/domain/"))).toBe(true);
    expect(edges.some((edge) => edge.from.startsWith("app/routes/") && edge.to.startsWith("app/services/"))).toBe(true);
  });

  it("no module imports a layer above its own", () => {
    const upward = edges.flatMap(({ from, to, specifier }) => {
      const fromLayer = layerOf(from);
      const toLayer = layerOf(to) ?? "outside the app layers";
      if (!fromLayer || (ALLOWED[fromLayer] as readonly string[]).includes(toLayer)) return [];
      return [`${from} (${fromLayer}) imports ${specifier} (${toLayer})`];
    });
    expect(upward).toEqual([]);
  });

  it("no client component imports a server module, not even for a type", () => {
    const serverImports = edges
      .filter(({ from, to }) => layerOf(from) === "components" && /\.server(\.[a-z]+)?$/.test(to))
      .map(({ from, specifier }) => `${from} imports ${specifier}`);
    expect(serverImports).toEqual([]);
  });
});
