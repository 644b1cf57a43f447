// The classic compiler replaces *.server modules with empty ones in the browser bundle, without a build
// error: a value imported from one and used in a component is undefined after hydration. This test
// refuses any such use in route and component files.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)"/g;

function serverImports(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    if (m[1] || !(/\.server$/.test(m[3]!) || m[3]!.startsWith("~db/"))) continue;
    for (const part of m[2]!.split(",")) {
      const name = part.trim();
      if (name && !name.startsWith("type ")) names.push(name.split(/\s+as\s+/).at(-1)!);
    }
  }
  return names;
}

/** The source of the route's components: from the default export on (loaders and actions come first). */
function componentSource(source: string): string {
  const at = source.search(/export default function|export function [A-Z]/);
  return at < 0 ? "" : source.slice(at).replace(/^export const ErrorBoundary = .*$/m, "");
}

describe("server boundary", () => {
  const files = fs
    .readdirSync("app/routes")
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join("app/routes", f));
  it.each(files)("%s uses no value from a .server module in its components", (file) => {
    const source = fs.readFileSync(file, "utf8");
    const component = componentSource(source);
    const leaked = serverImports(source).filter((name) => new RegExp(`\\b${name}\\b`).test(component));
    expect(leaked).toEqual([]);
  });

  const components = fs
    .readdirSync("app/components", { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join("app/components", f));
  it.each(components)("%s imports no value from a .server module", (file) => {
    expect(serverImports(fs.readFileSync(file, "utf8"))).toEqual([]);
  });

  it("finds a leak when there is one", () => {
    const source = `import { PAGE } from "~/services/x.server";\nexport async function loader() { return PAGE; }\nexport default function C() { return PAGE; }`;
    expect(serverImports(source).filter((n) => new RegExp(`\\b${n}\\b`).test(componentSource(source)))).toEqual(["PAGE"]);
  });
});
