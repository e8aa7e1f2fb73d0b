// Keystroke-to-render in Chromium for a warm GI lookup page: the time from an `input` event in
// the search box to the DOM showing the new results, over the real release server. Prints the
// total (which includes the page's debounce) and the part after the debounce.
// Run by scripts/bench-gi-browser.sh.
const { chromium } = require('playwright-core');

const base = process.env.BENCH_BASE_URL;
const debounceMs = Number(process.env.BENCH_DEBOUNCE_MS ?? 120);
const queries = ['hadm', '海安', 'ru dong', '启东', '紫菜', 'haiandani', 'longjing', '大米'];
const rounds = 5;

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/gi`);
  await page.waitForSelector('.gi-results__total');

  const samples = [];
  for (let round = 0; round < rounds + 1; round++) {
    for (const q of queries) {
      // Back to the full list first, so every measured search changes what is shown.
      await page.evaluate(() => {
        const input = document.querySelector('#gi-q');
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.waitForFunction(() =>
        document.querySelector('.gi-results__total')?.textContent.includes('4453') &&
        document.querySelector('.gi-layout')?.getAttribute('aria-busy') === 'false');
      const ms = await page.evaluate((q) => new Promise((resolve) => {
        const input = document.querySelector('#gi-q');
        const t0 = performance.now();
        const done = () => {
          const total = document.querySelector('.gi-results__total')?.textContent ?? '';
          const busy = document.querySelector('.gi-layout')?.getAttribute('aria-busy');
          return !total.includes('4453') && busy === 'false';
        };
        const observer = new MutationObserver(() => {
          if (done()) { observer.disconnect(); resolve(performance.now() - t0); }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }), q);
      if (round > 0) samples.push(ms); // round 0 warms caches and the JIT
    }
  }
  await browser.close();

  const sorted = samples.slice().sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const fmt = (v) => `${v.toFixed(1).padStart(7)} ms`;
  console.log(`GI lookup keystroke-to-render, ${samples.length} searches (${queries.length} queries x ${rounds})`);
  console.log(`                       p50        p95        max`);
  console.log(`total           ${fmt(pct(0.5))} ${fmt(pct(0.95))} ${fmt(sorted[sorted.length - 1])}`);
  console.log(`after debounce  ${fmt(pct(0.5) - debounceMs)} ${fmt(pct(0.95) - debounceMs)} ${fmt(sorted[sorted.length - 1] - debounceMs)}   (debounce ${debounceMs} ms)`);
})().catch((e) => { console.error(e); process.exit(1); });
