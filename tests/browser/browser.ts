/**
 * Headless Chromium for the workbench tests, driven by puppeteer-core (which
 * downloads nothing): the browser is Debian's `chromium`, or the one named by
 * CHROMIUM_PATH. Every page records the URLs it requested and its console
 * errors, and screenshots go to test-artifacts/browser/. Without a browser
 * the tests skip with one line saying how to install it; under CI they fail.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import type { Browser, Page } from "puppeteer-core";
import { PACKAGE_ROOT } from "../../src/paths.js";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const CHROMIUM = CANDIDATES.find((path): path is string => path !== undefined && path !== "" && existsSync(path));

export const INSTALL_HINT = "no Chromium found: install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH); browser tests skipped";

/** Whether to run the browser tests: yes with a browser; under CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (CHROMIUM) return true;
  if (process.env.CI) throw new Error(INSTALL_HINT.replace("; browser tests skipped", ""));
  console.warn(INSTALL_HINT);
  return false;
}

export const ARTIFACTS_DIR = join(PACKAGE_ROOT, "test-artifacts", "browser");

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM!,
    headless: true,
    // No sandbox: CI runs as root. No first-run, sync or component updates: nothing leaves the machine.
    args: ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync", "--disable-component-update", "--disable-background-networking", "--window-size=1400,900"],
    defaultViewport: { width: 1400, height: 900 },
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Every URL the page requested, in order (data: and blob: URLs left out). */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  screenshot(name: string): Promise<string>;
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:")) requests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return {
    page,
    requests,
    errors,
    async screenshot(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path: path as `${string}.png` });
      return path;
    },
  };
}

/** The requests that went anywhere but `origin`. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => new URL(url).origin !== origin);
}
