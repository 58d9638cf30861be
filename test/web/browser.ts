/**
 * The web page's end-to-end rig: a real service over a temporary database serving web/, and
 * Debian's headless Chromium driven by playwright-core (never a downloaded browser). One browser
 * per suite, a fresh context (own storage, language, viewport) per test.
 */
import { expect } from "chai";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Page,
} from "playwright-core";
import { PROJECT_ROOT } from "../../src/config.js";
import type { StreamingSettings } from "../../src/streaming/settings.js";
import { editableServer, KEYS, type Editable } from "../helpers/editable.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts", "web");
export const DOCS_SCREENSHOTS = path.join(PROJECT_ROOT, "docs", "screenshots");
export const WEB_DIR = path.join(PROJECT_ROOT, "web");
export { KEYS };

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Rig {
  server: Editable;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the service and the browser; fails loudly (never skips) when Chromium is missing.
 * `streaming`: the service's streaming settings (e.g. aimed at a fake Spotify on 127.0.0.1).
 */
export async function startRig(options: { streaming?: StreamingSettings } = {}): Promise<Rig> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The web page tests need Debian's Chromium at ${CHROMIUM}, and it is missing. ` +
        "Install it as root with: apt-get update && apt-get install -y chromium " +
        "(.ci/run does this before npm ci). The tests never download a browser.",
    );
  }
  const server = await editableServer({
    webDir: WEB_DIR,
    ...(options.streaming ? { streaming: options.streaming } : {}),
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page's scripts (a test ends by asserting there are none). */
  errors: string[];
}

/** Opens the page in a fresh context and waits until its scripts are ready. */
export async function openPage(
  rig: Rig,
  options: { hash?: string; locale?: string; width?: number; height?: number } = {},
): Promise<Opened> {
  const context = await rig.browser.newContext({
    locale: options.locale ?? "en-US",
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  // fail within a test's time with Playwright's own message (what it waited for), not mocha's
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(`${rig.server.url}/${options.hash ? `#${options.hash}` : ""}`);
  await page.waitForSelector("body[data-ready]");
  return { page, context, errors };
}

/**
 * Saves a screenshot to test-artifacts/web/; with UPDATE_SCREENSHOTS=1 also to docs/screenshots/
 * under `docsName` (the README's pictures).
 */
export async function shot(page: Page, name: string, docsName?: string): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (docsName && process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${docsName}.png`));
  }
}

/**
 * Presses Tab until the focused element matches `selector` (proves it is reachable by keyboard).
 */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? "");
  throw new Error(`${selector} not reached with ${max} presses of Tab (focus is on ${at})`);
}

/** The focused element's outline, to check that keyboard focus is visible. */
export function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "none";
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

/** Runs `action` and returns the download it started, with its file's text. */
export async function downloaded(
  page: Page,
  action: () => Promise<unknown>,
): Promise<{ name: string; text: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, "utf8"), download };
}

/** Puts the editor key into the page, as a person would. */
export async function useEditorKey(page: Page, key: string = KEYS.editor): Promise<void> {
  await page.fill("#editor-key", key);
  await page.click("#key-form button[type=submit]");
  await page.locator("#key-status", { hasText: "A key is set" }).waitFor();
}

export interface WebSuite {
  /** The running service and browser (set once the suite's `before` hook has run). */
  readonly rig: Rig;
  /** Opens the page; after the test its context is closed and its script errors must be none. */
  open(options?: Parameters<typeof openPage>[1]): Promise<Opened>;
}

/**
 * Registers, in the calling `describe`, the hooks every web suite needs: start the rig, open at
 * most one page per test, and end each test by asserting the page's scripts raised no error.
 * `options` runs inside `before`, so it may start what the rig needs (a fake Spotify, say).
 */
export function webSuite(
  options: () => Promise<{ streaming?: StreamingSettings }> = async () => ({}),
): WebSuite {
  let rig: Rig | null = null;
  let opened: Opened | null = null;
  before(async function () {
    this.timeout(60_000);
    rig = await startRig(await options());
  });
  after(async () => {
    await rig?.close();
  });
  afterEach(async () => {
    if (!opened) return;
    const { errors, context } = opened;
    opened = null;
    await context.close();
    expect(errors, "errors in the page's scripts").to.deep.equal([]);
  });
  return {
    get rig(): Rig {
      if (!rig) throw new Error("the web suite's rig is not started yet");
      return rig;
    },
    async open(pageOptions = {}) {
      opened = await openPage(this.rig, pageOptions);
      return opened;
    },
  };
}
