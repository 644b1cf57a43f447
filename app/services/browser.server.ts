// The one place that starts Chromium: browser tests now, PDF printing later (issue 7).
import { chromium, type Browser } from "playwright-core";

/** Our own minimal flags: the @sparticuz/chromium defaults switch web security off, which we never want. */
export function chromiumArgs(): string[] {
  const args = [
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
  ];
  // Chromium's sandbox cannot start as root (CI and these machines run as root)
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}

/** CHROMIUM_PATH when set (e.g. Debian's /usr/bin/chromium), else the binary shipped inside @sparticuz/chromium. */
export async function chromiumExecutablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const { default: packaged } = await import("@sparticuz/chromium");
  return packaged.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutablePath(), headless: true, args: chromiumArgs() });
}
