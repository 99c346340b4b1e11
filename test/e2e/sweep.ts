// What every page must pass on a phone and on a laptop (issue 13 item 9): nothing wider than the
// screen, every control fully inside it, no serious or critical axe-core violation; and a
// screenshot of each state into the ignored out/screens/ folder, so each run leaves a set to read.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/web-build.js';

export const OUT_SCREENS = join(PROJECT_ROOT, 'out', 'screens');
export const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface PageProblems {
  overflow: string[];
  outside: string[];
  axe: string[];
}

/** Layout problems at the current viewport: overflow and controls that poke outside it. */
export async function layoutProblems(
  page: Page,
): Promise<Pick<PageProblems, 'overflow' | 'outside'>> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const overflow: string[] = [];
    const sw = document.documentElement.scrollWidth;
    if (sw > vw) overflow.push(`page is ${sw}px wide in a ${vw}px viewport`);
    const outside: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], [role="button"]',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      // a control inside a deliberately scrolling box (a wide table) is reachable by scrolling it
      let p = el.parentElement;
      let scrolls = false;
      while (p && p !== document.body) {
        const ps = getComputedStyle(p);
        if (/(auto|scroll)/.test(ps.overflowX) && p.scrollWidth > p.clientWidth) scrolls = true;
        p = p.parentElement;
      }
      if (scrolls) continue;
      // a skip link parked off-screen until it is focused (the visually-hidden pattern)
      if (r.right <= 0 && el.getAttribute('href')?.startsWith('#')) continue;
      if (r.left < -0.5 || r.right > vw + 0.5) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim();
        outside.push(
          `${el.tagName.toLowerCase()} "${label.slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)}px`,
        );
      }
      const label = (
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        el.tagName
      ).trim();
      const type = (el as HTMLInputElement).type;
      const field =
        /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) &&
        !/^(checkbox|radio|file|hidden)$/.test(type);
      // a field too narrow to show what is typed in it (the 25 px budget fields)
      if (field && r.width < 64)
        outside.push(
          `${el.tagName.toLowerCase()} "${label}" is only ${Math.round(r.width)}px wide`,
        );
      // a short label broken over lines (删除 one character per line)
      const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      if (!field && label.length > 0 && label.length <= 8 && r.height > 1.8 * lh + pad)
        outside.push(
          `${el.tagName.toLowerCase()} "${label}" wraps (${Math.round(r.width)}×${Math.round(r.height)}px)`,
        );
    }
    return { overflow, outside };
  });
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  const has = await page.evaluate(() => 'axe' in window);
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays as it is
  if (!has) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
}

/** Checks the page at its current size and saves out/screens/<name>-<size>.png. */
export async function sweep(page: Page, name: string, size: string): Promise<PageProblems> {
  mkdirSync(OUT_SCREENS, { recursive: true });
  await page.screenshot({ path: join(OUT_SCREENS, `${name}-${size}.png`), fullPage: true });
  const layout = await layoutProblems(page);
  const axe = await axeProblems(page);
  return { ...layout, axe };
}
