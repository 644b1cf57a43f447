// A reference consumer of the published-SKJ feed (contract §5, issue 6): what the mapping engine is expected to
// do, kept small and free of dependencies so it doubles as an example for integrators. It rebuilds the current
// SKJ of every position from GET /api/v1/changes alone, fetching each published version through the event's
// href, and scores a person's assessed levels against a position's SKJ.

export type FeedEventType = "skj.published" | "skj.withdrawn";

export interface FeedEvent {
  id: number;
  type: FeedEventType;
  positionCode: string;
  version: number;
  occurredAt: string;
  href: string;
}

export interface ConsumedCompetency {
  code: string;
  level: number;
}

export interface ConsumedSkj {
  version: number;
  contentHash: string;
  competencies: ConsumedCompetency[];
}

export interface MatchGap {
  code: string;
  target: number;
  assessed: number;
}

export interface MatchResult {
  /** Share (0..1) of the SKJ's competencies whose assessed level reaches the target level. */
  score: number;
  met: number;
  total: number;
  /** The competencies below target, in the SKJ's order. */
  gaps: MatchGap[];
}

export interface ConsumerStats {
  pages: number;
  applied: number;
  /** Events received again (a rewound cursor, an overlapping page) and skipped. */
  duplicates: number;
  /** Version documents answered 304 from the cache. */
  notModified: number;
  fetched: number;
}

export interface ConsumerOptions {
  /** Events per feed page; the server allows 1..1000. */
  pageSize?: number;
  /** Called for every event received, applied or skipped as a duplicate. */
  onEvent?: (event: FeedEvent, duplicate: boolean) => void;
}

interface CachedVersion {
  etag: string;
  skj: ConsumedSkj;
}

interface PublishedDocumentShape {
  position?: { code?: unknown };
  version?: unknown;
  contentHash?: unknown;
  competencies?: unknown;
}

export class SkjFeedConsumer {
  /** The id of the last event read; the next sync asks for events after it. */
  cursor = 0;
  readonly current = new Map<string, ConsumedSkj>();
  readonly stats: ConsumerStats = { pages: 0, applied: 0, duplicates: 0, notModified: 0, fetched: 0 };

  // The feed promises strictly increasing ids, so the highest id applied is enough to recognise any event
  // seen before: de-duplication by id without a set that grows with the feed.
  private lastApplied = 0;
  // A published version never changes, so its document survives a rebuild; only the ETag check is repeated,
  // because the server must still be asked whether the token may read it.
  private readonly versions = new Map<string, CachedVersion>();
  private readonly baseUrl: string;
  private readonly pageSize: number;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly options: ConsumerOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.pageSize = options.pageSize ?? 100;
  }

  /** Reads the feed from the stored cursor to its end, applying every new event; returns how many were applied. */
  async sync(): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.getJson<{ events: FeedEvent[]; nextCursor: string | null }>(
        `/api/v1/changes?after=${this.cursor}&limit=${this.pageSize}`,
      );
      this.stats.pages++;
      for (const event of page.events) {
        if (await this.apply(event)) applied++;
        // only once the event is applied: a sync that fails halfway resumes at the event that failed
        this.cursor = Math.max(this.cursor, event.id);
      }
      if (page.nextCursor === null || page.events.length === 0) return applied;
    }
  }

  /**
   * Applies one event unless it was applied already. Public so a webhook receiver can hand its deliveries to
   * the same store (delivery is at least once, in feed order per event id).
   */
  async apply(event: FeedEvent): Promise<boolean> {
    if (event.id <= this.lastApplied) {
      this.stats.duplicates++;
      this.options.onEvent?.(event, true);
      return false;
    }
    if (event.type === "skj.published") {
      const skj = await this.fetchVersion(event);
      this.current.set(event.positionCode, skj);
    } else if (event.type === "skj.withdrawn") {
      // a withdrawal names its version: one that was already superseded leaves the current SKJ alone
      if (this.current.get(event.positionCode)?.version === event.version) this.current.delete(event.positionCode);
    }
    // unknown types are skipped rather than fatal, so a consumer keeps working when the feed gains one
    this.lastApplied = event.id;
    this.stats.applied++;
    this.options.onEvent?.(event, false);
    return true;
  }

  /** Moves the cursor back, as a consumer restored from an older checkpoint would; the store is kept. */
  rewind(to: number): void {
    this.cursor = Math.max(0, Math.min(this.cursor, to));
  }

  /** Forgets the store and replays the feed from the start (the version cache is kept, so unchanged documents cost a 304). */
  async rebuild(): Promise<number> {
    this.cursor = 0;
    this.lastApplied = 0;
    this.current.clear();
    return this.sync();
  }

  /** How well `person` (competency code → assessed level) meets the position's current SKJ; undefined without one. */
  matchScore(positionCode: string, person: Readonly<Record<string, number>>): MatchResult | undefined {
    const skj = this.current.get(positionCode);
    if (!skj) return undefined;
    const gaps: MatchGap[] = [];
    for (const { code, level } of skj.competencies) {
      const raw = Object.hasOwn(person, code) ? person[code] : undefined;
      // an unassessed competency counts as level 0, i.e. below every target
      const assessed = typeof raw === "number" && Number.isFinite(raw) ? raw : 0;
      if (assessed < level) gaps.push({ code, target: level, assessed });
    }
    const total = skj.competencies.length;
    const met = total - gaps.length;
    // an SKJ that asks for nothing is met by everyone
    return { score: total === 0 ? 1 : met / total, met, total, gaps };
  }

  private async fetchVersion(event: FeedEvent): Promise<ConsumedSkj> {
    const cached = this.versions.get(event.href);
    const res = await this.request(event.href, cached ? { "If-None-Match": cached.etag } : {});
    if (res.status === 304 && cached) {
      this.stats.notModified++;
      return cached.skj;
    }
    if (res.status !== 200) throw await this.failure(event.href, res);
    const document = (await res.json()) as PublishedDocumentShape;
    const skj = toConsumed(document, event);
    this.stats.fetched++;
    const etag = res.headers.get("etag");
    if (etag) this.versions.set(event.href, { etag, skj });
    return skj;
  }

  private async getJson<T>(pathname: string): Promise<T> {
    const res = await this.request(pathname, {});
    if (res.status !== 200) throw await this.failure(pathname, res);
    return (await res.json()) as T;
  }

  private request(pathname: string, headers: Record<string, string>): Promise<Response> {
    // hrefs are server-relative; an absolute one is taken as it is
    const url = /^https?:\/\//.test(pathname) ? pathname : this.baseUrl + pathname;
    return fetch(url, { headers: { Accept: "application/json", Authorization: `Bearer ${this.token}`, ...headers } });
  }

  private async failure(pathname: string, res: Response): Promise<Error> {
    const body = await res.text().catch(() => "");
    return new Error(`GET ${pathname} answered ${res.status}: ${body.slice(0, 300)}`);
  }
}

/** The part of a published document the store keeps, checked against the event that announced it. */
function toConsumed(document: PublishedDocumentShape, event: FeedEvent): ConsumedSkj {
  if (document.position?.code !== event.positionCode || document.version !== event.version) {
    throw new Error(`${event.href} is not version ${event.version} of ${event.positionCode}`);
  }
  if (typeof document.contentHash !== "string" || !Array.isArray(document.competencies)) {
    throw new Error(`${event.href} lacks contentHash or competencies`);
  }
  const competencies = (document.competencies as { code?: unknown; level?: unknown }[]).map((c) => {
    if (typeof c?.code !== "string" || typeof c.level !== "number") throw new Error(`${event.href} has a competency without code or level`);
    return { code: c.code, level: c.level };
  });
  return { version: document.version, contentHash: document.contentHash, competencies };
}
