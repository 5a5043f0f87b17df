// Lighthouse on pages behind a sign-in: signs in on one tab of a running browser (by its debugging port) and audits
// each page in that same tab, so every audited load carries the session the sign-in made. The job is a JSON file:
// {port, desktop, signIn: {url, user, password, ready}, urls: [...], out: [...]}.
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
for (const [index, url] of job.urls.entries()) {
  const result = await lighthouse(url, { port: job.port, output: 'json', logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
    job.desktop ? desktopConfig : undefined, page);
  fs.writeFileSync(job.out[index], result.report);
}
await page.close();
await browser.disconnect();
