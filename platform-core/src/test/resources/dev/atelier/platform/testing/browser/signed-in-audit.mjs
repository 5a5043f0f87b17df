// Lighthouse on pages behind a sign-in: signs in on one tab of a running browser (by its debugging port) and audits
// each page in that same tab, so every audited load carries the session the sign-in made: first with the browser's
// cache emptied (a first visit, the session kept), then again with what that load cached (a return). The job is a JSON
// file: {port, desktop, signIn: {url, user, password, ready}, urls: [...], out: [[cold, warm], ...]}.
import fs from 'node:fs';
import lighthouse, { desktopConfig } from 'lighthouse';
import puppeteer from 'puppeteer-core';

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${job.port}`, defaultViewport: null });
const page = await browser.newPage();
await page.goto(job.signIn.url);
await page.waitForSelector('#username');
await page.type('#username', job.signIn.user);
await page.type('#password', job.signIn.password);
await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
await page.waitForSelector(job.signIn.ready, { timeout: 60_000 });
const cdp = await page.createCDPSession();
for (const [index, url] of job.urls.entries()) {
  for (const [visit, out] of job.out[index].entries()) {
    if (visit === 0) {
      await cdp.send('Network.clearBrowserCache');
    }
    const result = await lighthouse(url, { port: job.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
      job.desktop ? desktopConfig : undefined, page);
    fs.writeFileSync(out, result.report);
  }
}
await page.close();
await browser.disconnect();
