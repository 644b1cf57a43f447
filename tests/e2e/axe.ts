// axe-core inside the browser tests (issue 8: no serious or critical violation on any main page).
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// WCAG 2.0–2.2 levels A and AA, plus axe's best practices (landmarks, one h1, heading order …)
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const BLOCKING = new Set(["serious", "critical"]);
// retired from WCAG 2.2 (4.1.1 is obsolete) and off by default, yet a repeated id still breaks labels and anchors
const EXTRA_RULES = { "duplicate-id": { enabled: true }, "duplicate-id-active": { enabled: true } };

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Every violation on the page as it is now (any impact), for the check below and for reports. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol, which a Content-Security-Policy of the page does not govern
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "unknown",
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
    },
    { tags: TAGS, rules: EXTRA_RULES },
  );
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.targets.map((t) => `      ${t}`).join("\n")}`).join("\n");
}

/**
 * Fails (softly, so one run reports every page) listing each serious or critical violation with its rule,
 * help text and the selectors of the offending elements. Moderate and minor ones are returned, not failed.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  expect
    .soft(
      blocking.length,
      `${label} (${new URL(page.url()).pathname}) has serious/critical accessibility violations:\n${describeViolations(blocking)}\n`,
    )
    .toBe(0);
  return violations.filter((v) => !BLOCKING.has(v.impact));
}
