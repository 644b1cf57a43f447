// React Router matches a URL by flattening and ranking every route and compiling each route's path pattern, on
// every call, and a page calls it four or five times: the server's match, the static handler, the server render
// and, with lazy route discovery, once more for each parent path of the URL. With our 75 routes that was a sixth
// of a page's CPU. Remix rebuilds its route objects for each request, so the cache is keyed by the tree's shape
// and keeps, per path, which route of each level matched; the matches are rebuilt on the routes passed in.
// The static handler calls the router's own binding and still matches anew; every other caller reads the
// export, which this module replaces.
import { createRequire } from "node:module";
import { RecentlyUsed } from "~/domain/recently-used";

export interface MatchableRoute {
  id?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: MatchableRoute[];
}

interface RouteMatch {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: MatchableRoute;
}

type MatchRoutes = (routes: MatchableRoute[], location: string | { pathname?: string }, basename?: string) => RouteMatch[] | null;

/** What a match keeps apart from the route: its position among its siblings, level by level. */
interface KeptMatches {
  indices: number[];
  params: Record<string, string | undefined>;
  levels: { pathname: string; pathnameBase: string }[];
}

const PATHS_PER_TREE = 1_000;

const shapes = new WeakMap<MatchableRoute[], string>();

/** The routes' ids, paths and flags, children in brackets: two trees built from one manifest share it. */
function shapeOf(routes: MatchableRoute[]): string {
  let shape = shapes.get(routes);
  if (shape === undefined) {
    const walk = (list: MatchableRoute[]): string =>
      list
        .map(
          (r) =>
            `${r.id ?? ""}\u0001${r.path ?? ""}\u0001${r.index ? 1 : 0}${r.caseSensitive ? 1 : 0}[${r.children ? walk(r.children) : ""}]`,
        )
        .join("\u0002");
    shape = walk(routes);
    shapes.set(routes, shape);
  }
  return shape;
}

function keep(routes: MatchableRoute[], matches: RouteMatch[]): KeptMatches | undefined {
  const indices: number[] = [];
  let siblings: MatchableRoute[] | undefined = routes;
  for (const match of matches) {
    const index = siblings?.indexOf(match.route) ?? -1;
    if (index < 0) return undefined;
    indices.push(index);
    siblings = match.route.children;
  }
  return {
    indices,
    params: { ...matches.at(-1)?.params },
    levels: matches.map(({ pathname, pathnameBase }) => ({ pathname, pathnameBase })),
  };
}

function rebuild(routes: MatchableRoute[], kept: KeptMatches): RouteMatch[] {
  // as the router does, every level shares one params object
  const params = { ...kept.params };
  let siblings = routes;
  return kept.indices.map((index, level) => {
    const route = siblings[index]!;
    siblings = route.children ?? [];
    return { params, ...kept.levels[level]!, route };
  });
}

/** `matchRoutes` with its answers kept per route tree shape and path (the most recent PATHS_PER_TREE paths). */
export function cachedMatchRoutes(matchRoutes: MatchRoutes, parsePath: (path: string) => { pathname?: string }): MatchRoutes {
  const trees = new Map<string, RecentlyUsed<string, KeptMatches | null>>();
  return (routes, location, basename = "/") => {
    const pathname = (typeof location === "string" ? parsePath(location).pathname : location.pathname) ?? "/";
    const shape = shapeOf(routes);
    let paths = trees.get(shape);
    if (!paths) {
      paths = new RecentlyUsed(PATHS_PER_TREE);
      trees.set(shape, paths);
    }
    const key = `${basename}\u0000${pathname}`;
    const kept = paths.get(key);
    if (kept !== undefined) return kept && rebuild(routes, kept);
    const matches = matchRoutes(routes, location, basename);
    const toKeep = matches ? keep(routes, matches) : null;
    if (toKeep !== undefined) paths.set(key, toKeep);
    return matches;
  };
}

/** Replaces the router package's exported matchRoutes, before the app's modules read it. */
export function installRouteMatchCache() {
  const router = createRequire(import.meta.url)("@remix-run/router") as {
    matchRoutes: MatchRoutes;
    parsePath: (p: string) => { pathname?: string };
  };
  router.matchRoutes = cachedMatchRoutes(router.matchRoutes, router.parsePath);
}
