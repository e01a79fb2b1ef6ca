// `shouldtune serve` in headless Chromium: answering, the recommendation
// changing, loading and downloading, keyboard-only use and a phone-width
// screen. Each test starts its own server. SCREENSHOTS=1 refreshes the
// screenshots under docs/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.env.SHOULDTUNE_BIN || join(root, 'target', 'debug', 'shouldtune');
const example = join(root, 'examples', 'llm-project.yaml');
const screenshots = process.env.SCREENSHOTS === '1';
const scratch = mkdtempSync(join(tmpdir(), 'shouldtune-browser-'));
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
});

after(async () => {
  await browser?.close();
});

/** Starts `shouldtune serve` and resolves with its address and a stop function. */
function serve(args = []) {
  const child = spawn(binary, ['serve', ...args], { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (url) => resolvePromise({ url, stop: () => child.kill() }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/** A page on a fresh server, with the first recommendation shown. */
async function open(options = {}) {
  const server = await serve(options.args);
  const context = await browser.newContext({ acceptDownloads: true, viewport: options.viewport || { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // A 422 is the server's answer to a wrong answer, which the tests give on purpose.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 422')) problems.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-recommendation]');
  return {
    page,
    problems,
    async close() {
      await context.close();
      server.stop();
    },
  };
}

async function recommendation(page) {
  return page.locator('body').getAttribute('data-recommendation');
}

async function waitForRecommendation(page, expected) {
  await page.waitForFunction((id) => document.body.dataset.recommendation === id, expected);
}

function shouldtune(args) {
  return spawnSync(binary, args, { encoding: 'utf8', cwd: scratch, env: { ...process.env, NO_COLOR: '1' } });
}

test('answering a question changes the recommendation, and questions that stop applying are hidden', async () => {
  const { page, problems, close } = await open();
  try {
    // Every answer at its default: a prompt first.
    assert.equal(await recommendation(page), 'prompt_engineering');
    await assert.doesNotReject(page.getByText('Recommended: Prompt engineering.').waitFor());
    // Defaults are marked.
    assert.equal(await page.locator('#a-hallucination_tolerance option:checked').textContent(), 'low - default');
    assert.equal(await page.locator('#default-deadline_weeks').textContent(), 'Default: 2');
    // Private documents to answer from: retrieval.
    await page.locator('#q-needs_private_knowledge').getByLabel('Yes').check();
    await waitForRecommendation(page, 'rag');
    await page.getByText('Recommended: Retrieval-augmented generation.').waitFor();
    await page.locator('#q-needs_private_knowledge').getByLabel('No').check();
    await waitForRecommendation(page, 'prompt_engineering');
    // A question asked only after a baseline appears when there is one, and goes again.
    const followUp = page.locator('#q-baseline_meets_target');
    assert.equal(await followUp.isVisible(), false);
    await page.locator('#q-baseline_exists').getByLabel('Yes').check();
    await followUp.waitFor({ state: 'visible' });
    await page.locator('#q-baseline_exists').getByLabel('No').check();
    await followUp.waitFor({ state: 'hidden' });
    // A wrong number is reported at its question and the downloads wait for a fix.
    await page.getByLabel('In how many weeks do you need a first working result?').fill('-4');
    await page.locator('#err-deadline_weeks').getByText('error[').waitFor();
    assert.equal(await page.locator('#a-deadline_weeks').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#dl-yaml').isDisabled(), true);
    await page.getByLabel('In how many weeks do you need a first working result?').fill('6');
    await page.waitForFunction(() => !document.querySelector('#dl-yaml').disabled);
    // The result shows scores, the margin, reasons with sources, what-if, next steps and the chart.
    const result = page.locator('#report');
    for (const heading of ['Recommendation', 'Scores', 'Why', 'What would change the answer', 'Next steps', 'Cost']) {
      await result.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    assert.match(await result.locator('.margin').textContent(), /^(Margin: \d+ points? ahead of |Close call: |Every other approach)/);
    const reasons = await result.locator('.reasons > li').count();
    assert.ok(reasons > 0);
    assert.equal(await result.locator('.reasons > li .source').count(), reasons, 'every reason names its source');
    for (const href of await result.locator('.source a').evaluateAll((links) => links.map((a) => a.href))) {
      assert.match(href, /^https:\/\//);
    }
    assert.equal(await result.locator('figure.chart svg').count(), 1);
    if (screenshots) {
      await page.screenshot({ path: join(root, 'docs', 'serve-answering.png'), fullPage: false });
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a loaded file fills the form, and the downloads round-trip through check', async () => {
  const { page, problems, close } = await open();
  try {
    await page.getByLabel('Load an llm-project.yaml').setInputFiles(example);
    await waitForRecommendation(page, 'fine_tuning');
    assert.equal(await page.getByLabel('Project name').inputValue(), 'Support ticket triage');
    assert.equal(await page.getByLabel('What kind of task is it?').inputValue(), 'classification');
    assert.equal(await page.locator('#a-examples_available').inputValue(), '20000');
    assert.equal(await page.locator('#q-baseline_meets_target').isVisible(), true);
    // The file's cost section is mentioned, not silently dropped.
    await page.locator('#load-errors .note').getByText('cost:').waitFor();
    if (screenshots) {
      await page.screenshot({ path: join(root, 'docs', 'serve-loaded.png'), fullPage: false });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download llm-project.yaml' }).click()]);
    assert.equal(download.suggestedFilename(), 'llm-project.yaml');
    const saved = join(scratch, 'downloaded.llm-project.yaml');
    await download.saveAs(saved);
    const checked = shouldtune(['check', saved]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    const fromFile = JSON.parse(shouldtune(['evaluate', example, '--format', 'json']).stdout);
    const fromDownload = JSON.parse(shouldtune(['evaluate', saved, '--format', 'json']).stdout);
    assert.deepEqual(fromDownload.answers, fromFile.answers);
    assert.equal(fromDownload.recommendation, fromFile.recommendation);

    // Loading the download again gives the same form.
    const before = await page.locator('form').evaluate((form) => JSON.stringify(Object.fromEntries(new FormData(form))));
    await page.getByLabel('What kind of task is it?').selectOption('qa');
    await page.getByLabel('Load an llm-project.yaml').setInputFiles(saved);
    await page.waitForFunction(() => document.querySelector('#a-task_type').value === 'classification');
    const again = await page.locator('form').evaluate((form) => JSON.stringify(Object.fromEntries(new FormData(form))));
    assert.equal(again, before);

    // The HTML report and the decision record download too.
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML report' }).click()]);
    const htmlPath = join(scratch, html.suggestedFilename());
    await html.saveAs(htmlPath);
    assert.match(readFileSync(htmlPath, 'utf8'), /^<!DOCTYPE html>\n<html lang="en">/);
    const [adr] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download decision record (ADR)' }).click()]);
    assert.equal(adr.suggestedFilename(), 'support-ticket-triage-decision.md');
    const adrPath = join(scratch, adr.suggestedFilename());
    await adr.saveAs(adrPath);
    assert.match(readFileSync(adrPath, 'utf8'), /^---\nstatus: proposed\n---\n\n# Use Fine-tuning for Support ticket triage/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a loaded file prices the page with its cost section and the download keeps cost and rules', async () => {
  writeFileSync(join(scratch, 'policy.yaml'), 'extends: default\ndisable: [strict-format]\n');
  const original = join(scratch, 'kept.llm-project.yaml');
  writeFileSync(original, 'rules: [policy.yaml]\n' + readFileSync(example, 'utf8'));
  const { page, problems, close } = await open({ args: ['--rules', 'policy.yaml'] });
  try {
    await page.getByLabel('Load an llm-project.yaml').setInputFiles(original);
    await waitForRecommendation(page, 'fine_tuning');
    await page.locator('#load-errors .note').getByText('the download keeps it').waitFor();
    const fromFile = JSON.parse(shouldtune(['evaluate', original, '--format', 'json']).stdout);
    // The page's cost (and the fact derived from it) is the file's, not the default settings'.
    await page.waitForFunction(() => latest && latest.report.cost && latest.report.cost.fine_tuning_one_time === '153');
    const shown = await page.evaluate(() => latest.report);
    assert.deepEqual(shown.cost, fromFile.cost);
    assert.deepEqual(shown.answers, fromFile.answers);
    assert.deepEqual(shown.fired, fromFile.fired);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download llm-project.yaml' }).click()]);
    const saved = join(scratch, 'kept-downloaded.llm-project.yaml');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    assert.match(text, /\nrules:\n {2}- "policy\.yaml"\n/);
    assert.match(text, /\ncost:\n {2}price_table: "azure-openai-2023-10"\n/);
    const checked = shouldtune(['check', saved]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    const fromDownload = JSON.parse(shouldtune(['evaluate', saved, '--format', 'json']).stdout);
    assert.deepEqual(fromDownload, fromFile);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a dropped file with mistakes is reported with line and column', async () => {
  const { page, close } = await open();
  try {
    const text = 'name: Broken\nanswers:\n  task_typo: qa\n  deadline_weeks: soon\n';
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'broken.yaml', { type: 'application/yaml' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    const errors = page.locator('#load-errors');
    await errors.getByText('broken.yaml:3:3: error[unknown-question]').waitFor();
    await errors.getByText('broken.yaml:4:19').waitFor();
    if (screenshots) {
      await page.screenshot({ path: join(root, 'docs', 'serve-load-error.png'), fullPage: false });
    }
    // Nothing was loaded.
    assert.equal(await page.getByLabel('Project name').inputValue(), 'My LLM project');
  } finally {
    await close();
  }
});

test('everything works from the keyboard alone', async () => {
  const { page, problems, close } = await open();
  try {
    // The skip link comes first and moves to the result.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the recommendation');
    // Tab through the form to the tolerance question, counting stops; every stop shows a focus outline.
    let stops = 0;
    while ((await page.evaluate(() => document.activeElement.id)) !== 'a-hallucination_tolerance') {
      await page.keyboard.press('Tab');
      stops += 1;
      assert.ok(stops < 40, 'the tolerance question is reachable with Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      const tag = await page.evaluate(() => document.activeElement.tagName);
      if (tag !== 'A') assert.notEqual(outline, 'none', `focus is visible on ${tag}`);
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await waitForRecommendation(page, 'prompt_engineering');
    // Radio groups answer with the arrow keys.
    while ((await page.evaluate(() => document.activeElement.name)) !== 'baseline_exists') {
      await page.keyboard.press('Tab');
      stops += 1;
      assert.ok(stops < 80, 'the baseline question is reachable with Tab');
    }
    const before = await page.evaluate(() => document.activeElement.value);
    await page.keyboard.press(before === 'false' ? 'ArrowUp' : 'ArrowDown');
    await page.locator('#q-baseline_meets_target').waitFor({ state: 'visible' });
    // The download buttons are reachable and work with Enter.
    while ((await page.evaluate(() => document.activeElement.id)) !== 'dl-yaml') {
      await page.keyboard.press('Tab');
      stops += 1;
      assert.ok(stops < 120, 'the download button is reachable with Tab');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const saved = join(scratch, 'keyboard.llm-project.yaml');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    assert.match(text, /\n {2}hallucination_tolerance: high\n/);
    assert.match(text, /\n {2}baseline_exists: true\n/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a phone-width screen gets one column and no sideways scrolling', async () => {
  const { page, problems, close } = await open({ viewport: { width: 375, height: 812 } });
  try {
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    assert.ok(widths.page <= widths.screen, `page ${widths.page}px wide on a ${widths.screen}px screen`);
    const form = await page.locator('#questions').boundingBox();
    const result = await page.locator('#result').boundingBox();
    assert.ok(result.y >= form.y + form.height - 1, 'the result comes below the questions');
    await page.getByLabel('How much can you tolerate made-up answers?').selectOption('medium');
    await waitForRecommendation(page, 'prompt_engineering');
    const after = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(after <= 375, `page ${after}px wide after the result was drawn`);
    if (screenshots) {
      await page.screenshot({ path: join(root, 'docs', 'serve-phone.png'), fullPage: false });
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the page and the HTML report pass a strict HTML5 parser', async () => {
  const server = await serve();
  try {
    const page = await (await fetch(server.url)).text();
    const files = [join(scratch, 'page.html')];
    writeFileSync(files[0], page);
    for (const [name, args] of [
      ['example.html', [example]],
      ['hostile.html', ['tests/fixtures/report/hostile.llm-project.yaml', '--rules', 'tests/fixtures/report/hostile-rules.yaml']],
      ['tie.html', ['tests/fixtures/scenarios/too-few-examples.llm-project.yaml']],
    ]) {
      const output = spawnSync(binary, ['evaluate', ...args, '--format', 'html'], { cwd: root, encoding: 'utf8' });
      assert.equal(output.status, 0, output.stderr);
      files.push(join(scratch, name));
      writeFileSync(files.at(-1), output.stdout);
    }
    if (screenshots) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 1300 } });
      const report = await context.newPage();
      await report.goto('file://' + files[1]);
      await report.screenshot({ path: join(root, 'docs', 'report-html.png') });
      await context.close();
    }
    const validator = join(root, 'tests', 'browser', 'validate_html.py');
    const result = spawnSync(process.env.PYTHON || 'python3', [validator, ...files], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  } finally {
    server.stop();
  }
});
