import { type AgnosticRouteObject, matchRoutes, parsePath } from "@remix-run/router";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { cachedMatchRoutes } from "../../server/route-match-cache";

// the shapes Remix builds from app/routes: a pathless root, index routes, params, a splat, a pathless layout
// typed as the router's own routes, which MatchableRoute describes the part of that matching reads
function routeTree(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/jabatan._index", path: "jabatan", index: true },
        { id: "routes/jabatan.$id", path: "jabatan/:id", children: [{ id: "routes/jabatan.$id._index", index: true }] },
        { id: "routes/jabatan.$id.versi.$n", path: "jabatan/:id/versi/:n" },
        {
          id: "routes/kamus",
          path: "kamus",
          children: [
            { id: "routes/kamus._index", index: true },
            { id: "routes/kamus.entri.$", path: "entri/*" },
          ],
        },
        { id: "routes/_auth", children: [{ id: "routes/_auth.login", path: "login" }] },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const withRouteIds = (matches: ReturnType<typeof matchRoutes>) => matches?.map(({ route, ...rest }) => ({ ...rest, routeId: route.id }));

const SEGMENTS = ["jabatan", "kamus", "entri", "versi", "login", "12", "T.OTDA", "x%20y", ""];
const paths = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 5 }).map((segments) => `/${segments.join("/")}`);

describe("cachedMatchRoutes", () => {
  it("answers as the router does, on the routes passed in, whether the path was seen before or not", () => {
    const cached = cachedMatchRoutes(matchRoutes as never, parsePath);
    const shared = routeTree();
    fc.assert(
      fc.property(paths, fc.boolean(), (path, sameTree) => {
        const routes = sameTree ? shared : routeTree();
        const expected = matchRoutes(routes, path);
        for (let i = 0; i < 2; i++) {
          const actual = cached(routes, path);
          expect(withRouteIds(actual as never)).toEqual(withRouteIds(expected));
          // the matches point at the objects of this call's tree, as callers render their elements
          actual?.forEach((m, level) => expect(m.route).toBe(expected![level]!.route));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matches a tree once per path and reuses it for a new tree of the same shape", () => {
    const original = vi.fn(matchRoutes);
    const cached = cachedMatchRoutes(original as never, parsePath);
    cached(routeTree(), "/jabatan/12?tab=riwayat");
    cached(routeTree(), "/jabatan/12");
    expect(original).toHaveBeenCalledTimes(1);
    cached(routeTree(), "/jabatan/13");
    expect(original).toHaveBeenCalledTimes(2);
  });

  it("does not reuse a match for a tree of another shape", () => {
    const cached = cachedMatchRoutes(matchRoutes as never, parsePath);
    expect(cached(routeTree(), "/kamus")?.at(-1)?.route.id).toBe("routes/kamus._index");
    const renamed = routeTree();
    renamed[0]!.children![4]!.path = "kamus-baru";
    expect(cached(renamed, "/kamus")?.at(-1)?.route.id).toBe("routes/$");
  });

  it("keeps its own copy of the params, whatever a caller does to the ones it got", () => {
    const cached = cachedMatchRoutes(matchRoutes as never, parsePath);
    const first = cached(routeTree(), "/jabatan/12")!;
    first[0]!.params.id = "99";
    expect(cached(routeTree(), "/jabatan/12")![1]!.params).toEqual({ id: "12" });
  });
});
