// The routes of the built app, read from the build's own manifest, for tests that must cover every route.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

export interface ManifestRoute {
  id: string;
  /** Full path from the parent chain, without the leading "/" ("" for the root and the home page). */
  fullPath: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** Resource routes have no component, so the client never asks them for single-fetch data. */
  isDocument: boolean;
}

export async function readManifest(): Promise<ManifestRoute[]> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const own = route.path ?? "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.values(build.routes).map((route) => {
    const { id, index, module } = route!;
    // the asset manifest states what the module exports; the module itself is the fallback for older builds
    const assets = build.assets.routes[id];
    return {
      id,
      fullPath: fullPath(id),
      index: Boolean(index),
      hasLoader: assets?.hasLoader ?? typeof module.loader === "function",
      hasAction: assets?.hasAction ?? typeof module.action === "function",
      isDocument: typeof module.default === "function",
    };
  });
}
