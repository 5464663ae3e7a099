// Drives a real headless Chromium (Debian's /usr/bin/chromium, through playwright-core) through
// logicmock's sign-in pages, as a person would: no page script is needed or run by the pages.
//   tests/js/node.sh sign_in_browser.mjs page   URL USER PASSWORD SCREENSHOT
//     opens the authorize URL, signs in, and waits for the redirect to the loopback URI
//   tests/js/node.sh sign_in_browser.mjs device URL CODE USER PASSWORD SCREENSHOT
//     opens the verification URI, enters the code, signs in, and waits for "signed in"
// On failure it keeps a screenshot at SCREENSHOT, prints its path and exits 1.
import { chromium } from "playwright-core";

const [mode, url, ...rest] = process.argv.slice(2);
const device = mode === "device";
const [code, user, password, screenshot] = device ? rest : [undefined, ...rest];
const executablePath = process.env.LOGICMOCK_CHROMIUM ?? "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath,
  args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
});
let page;
try {
  // The server's certificate is signed by a CA made at start-up; this browser is a test's.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, javaScriptEnabled: false });
  page = await context.newPage();
  await page.goto(url);
  if (device) await page.fill("#otc", code);
  await page.fill("#login", user);
  await page.fill("#passwd", password);
  if (device) {
    await Promise.all([page.waitForLoadState("load"), page.click("#idSIButton9")]);
    const text = await page.textContent("body");
    if (!text.includes("You may now close this window")) throw new Error(`not signed in: ${text}`);
  } else {
    // The sign-in page redirects to the application's loopback listener (MSAL's), which
    // answers the browser once it has the code.
    await Promise.all([
      page.waitForURL(/^http:\/\/(localhost|127\.0\.0\.1)[:/]/, { timeout: 20000 }),
      page.click("#idSIButton9"),
    ]);
  }
  console.log(JSON.stringify({ outcome: "signed-in", url: page.url().split(/[?#]/)[0] }));
} catch (error) {
  if (page && screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.error(`sign_in_browser: failed; screenshot: ${screenshot}`);
  }
  console.error(`sign_in_browser: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
