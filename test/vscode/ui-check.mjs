// UI check: what a user sees in the real workbench, driven through the DOM with playwright-core.
// Run by the VS Code server runner in a fresh workbench (extension under development, no test
// payload, a fresh copy of test/vscode/workspace/):
//
//   npm run test:vscode-server        (after the suite, in Restricted Mode: what CI runs)
//   npm run test:vscode-ui            (only this, trusted)
//   npm run docs:screenshot           (only this, trusted, and writes docs/screenshot.png)
//   node scripts/vscode-server-test.mjs --no-tests --ui test/vscode/ui-check.mjs [--trusted]
//
// Opens problems.speech (known problems: 1 error, 9 warnings) and checks the squiggles, that CJK
// text is not boxed by the unicode highlighter (the configurationDefaults for [speech], which
// matters most in Restricted Mode), the status bar, the Problems panel, the Outline view, the
// Speech Structure view (讲稿结构; the workbench runs in English, so its title is the English one)
// with its badge, and a heading's hover. Screenshots go to screenshots/ (gitignored). With
// SPEECH_DRAFT_README_SCREENSHOT=<png> it also saves the README's picture there (1280×800 PNG,
// checked to stay under 200 KB).
//
// Every wait is on the DOM (Playwright's auto-waiting locators), never a fixed delay.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const T = 30_000;
const DRAFT = 'problems.speech';

/** The view pane (Explorer section) whose header reads `title`. */
const pane = (page, title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^${title}$`) }) });

async function setExpanded(page, title, expanded) {
  const header = pane(page, title).locator('.pane-header').first();
  await header.waitFor({ timeout: T });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await page.locator(`.pane-header[aria-expanded="${expanded}"]`, { hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: T });
}

/** [label, description, has a warning icon] of every rendered row of a tree pane. */
async function rows(page, title) {
  return pane(page, title)
    .locator('.monaco-list-row')
    .evaluateAll((els) =>
      els.map((el) => [
        el.querySelector('.label-name')?.textContent?.trim() ?? el.textContent.trim(),
        el.querySelector('.label-description')?.textContent?.trim() ?? '',
        !!el.querySelector('.codicon-warning'),
      ]),
    );
}

export default async function uiCheck({ page, workspace, repoRoot, screenshotsDir, log }) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Open the draft from the Explorer.
  const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: DRAFT });
  await file.waitFor({ timeout: T });
  await file.dblclick();
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: '统一思想' }).waitFor({ timeout: T });

  // A clean layout: no (empty) secondary side bar. Whether the workbench shows it at startup
  // depends on when the workspace's settings arrive (test/vscode/workspace/.vscode/settings.json
  // asks for it hidden, and it may hide itself meanwhile): close it if it is there, then make sure.
  const aux = page.locator('.part.auxiliarybar');
  if (await aux.isVisible()) {
    await aux.locator('.action-label[aria-label^="Hide Secondary Side Bar"]').click({ timeout: 5000 }).catch(() => {});
  }
  await aux.waitFor({ state: 'hidden', timeout: T });

  // Squiggles: one error (the misnumbered （三）), warnings for the rest.
  await editor.locator('.squiggly-error').first().waitFor({ timeout: T });
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: T });
  const squiggles = await editor.evaluate((el) => Object.fromEntries(['error', 'warning', 'info'].map((k) => [k, el.querySelectorAll(`.squiggly-${k}`).length])));
  log(`squiggles: ${JSON.stringify(squiggles)}`);
  assert.equal(squiggles.error, 1);
  // One per finding; a wrapped line may split one into two.
  assert.ok(squiggles.warning >= 9, `expected at least 9 warning squiggles, got ${squiggles.warning}`);
  // The CJK text is not boxed as "non-basic ASCII" (configurationDefaults for [speech]).
  assert.equal(await editor.locator('.unicode-highlight').count(), 0, 'CJK characters are highlighted by the unicode highlighter');

  // Status bar: the count item and the problems summary.
  const count = page.locator('[id="speech-draft.speech-draft.speechDraft.count"]');
  await count.filter({ hasText: '字数 233 / 5,000 · 综合' }).waitFor({ timeout: T });
  const problemsStatus = page.locator('[id="status.problems"]');
  await page.locator('[id="status.problems"][aria-label="Errors: 1, Warnings: 9"]').waitFor({ timeout: T });
  log(`status bar: ${JSON.stringify(await count.innerText())}; ${await problemsStatus.getAttribute('aria-label')}`);

  // Problems panel (opened from the status bar): the count and the messages.
  await problemsStatus.click();
  const markers = page.locator('.markers-panel');
  await markers.waitFor({ state: 'visible', timeout: T });
  await markers.locator('.monaco-list-row', { hasText: DRAFT }).waitFor({ timeout: T });
  const panelBadge = page.locator('.part.panel .composite-bar .action-item', { hasText: /problems/i }).locator('.badge-content');
  await panelBadge.filter({ hasText: /^10$/ }).waitFor({ timeout: T });
  await markers.locator('.monaco-list-row', { hasText: DRAFT }).locator('.monaco-count-badge', { hasText: /^10$/ }).waitFor({ timeout: T });
  for (const text of ['标题编号不连续：应为“（二）”，实为“（三）”', '预告“三点意见”，其后有四个一级标题', '半角逗号“,”夹在中文之间，应改为全角“，”']) {
    await markers.locator('.monaco-list-row', { hasText: text }).first().waitFor({ timeout: T });
  }
  const problemRows = await markers.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
  log(`Problems panel: ${problemRows.length} rows rendered; first: ${JSON.stringify(problemRows.slice(0, 3))}`);
  // Sorted by severity: the error comes first, with its source and rule.
  // (textContent runs the message, source, rule and position together.)
  assert.equal(problemRows[0], `${DRAFT}10`);
  assert.equal(problemRows[1], '标题编号不连续：应为“（二）”，实为“（三）”speech-lintheading-sequence[Ln 12, Col 1]');

  // Explorer: the folder collapsed, Outline and Speech Structure (讲稿结构) expanded.
  await setExpanded(page, path.basename(workspace), false);
  await setExpanded(page, 'Outline', true);
  await setExpanded(page, 'Speech Structure', true);

  const outline = pane(page, 'Outline');
  await outline.locator('.monaco-list-row', { hasText: '四、严格考核' }).waitFor({ timeout: T });
  const outlineRows = await rows(page, 'Outline');
  log(`Outline: ${JSON.stringify(outlineRows.map(([l, d]) => `${l} ${d}`))}`);
  // Every heading, nested, with its 字数 (the rows are rendered in tree order).
  assert.deepEqual(outlineRows.map(([l, d]) => `${l} ${d}`), [
    '一、统一思想,提高认识 47 字',
    '二、突出重点 77 字',
    '（一）抓好学习 32 字',
    '1.加强理论学习 25 字',
    '（三）抓好落实 39 字',
    '三、加强领导 22 字',
    '（一）、强化督查 16 字',
    '四、严格考核 12 字',
  ]);

  // Give the Outline only the room its rows need, so that the whole Speech Structure tree shows
  // (rows are virtualized: only what fits is rendered): drag the sash under the Outline up to the
  // height of its header and rows. First let the expand animation end (the pane view carries the
  // class `animated` for its duration).
  await page.locator('.part.sidebar .monaco-pane-view.animated').first().waitFor({ state: 'detached', timeout: T });
  const outlineBox = await outline.boundingBox();
  const outlineHeader = await outline.locator('.pane-header').boundingBox();
  const rowHeights = await outline.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  if (outlineBox && outlineHeader && rowHeights.length) {
    const bottom = outlineBox.y + outlineBox.height;
    const sashes = await page.locator('.part.sidebar .monaco-sash.horizontal').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
    const sash = sashes.sort((a, b) => Math.abs(a.y - bottom) - Math.abs(b.y - bottom))[0];
    if (sash && Math.abs(sash.y - bottom) < 6) {
      const targetY = outlineHeader.y + outlineHeader.height + rowHeights.reduce((a, b) => a + b, 0) + 2;
      await page.mouse.move(sash.x, sash.y);
      await page.mouse.down();
      await page.mouse.move(sash.x, targetY, { steps: 8 });
      await page.mouse.up();
      log(`dragged the sash under the Outline from y=${Math.round(sash.y)} to y=${Math.round(targetY)} (${rowHeights.length} rows)`);
    } else {
      log(`no sash under the Outline (bottom ${bottom}; sashes ${JSON.stringify(sashes)}): layout left as it is`);
    }
  }
  await outline.locator('.monaco-list-row', { hasText: '四、严格考核' }).waitFor({ timeout: T });

  const structure = pane(page, 'Speech Structure');
  await structure.locator('.monaco-list-row', { hasText: '四、严格考核' }).waitFor({ timeout: T });
  const structureRows = await rows(page, 'Speech Structure');
  log(`Speech Structure: ${JSON.stringify(structureRows.map(([l, d, w]) => `${w ? '⚠ ' : ''}${l} ${d}`))}`);
  // ⚠ where a section has its own findings or an announced count that does not match.
  assert.deepEqual(structureRows.map(([l, d, w]) => `${w ? '⚠ ' : ''}${l} ${d}`), [
    '⚠ 开头（标题、称谓、开场白） 75 字',
    '⚠ 一、统一思想,提高认识 47 字',
    '二、突出重点 77 字',
    '（一）抓好学习 32 字',
    '⚠ 1.加强理论学习 25 字',
    '⚠ （三）抓好落实 39 字',
    '三、加强领导 22 字',
    '⚠ （一）、强化督查 16 字',
    '四、严格考核 12 字',
  ]);
  // The view's badge (10 个问题) shows on the Explorer in the activity bar.
  const explorerBadge = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Explorer"]') }).locator('.badge-content');
  await explorerBadge.filter({ hasText: /^10$/ }).waitFor({ timeout: T });

  // A lower panel (seven rows of the Problems list) leaves the editor room and keeps the picture
  // small: drag the sash above the panel down.
  const panelBox = await page.locator('.part.panel').boundingBox();
  const firstMarkerRow = await markers.locator('.monaco-list-row').first().boundingBox();
  if (panelBox && firstMarkerRow) {
    const sashes = await page.locator('.monaco-sash.horizontal').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width })));
    const sash = sashes.filter((s) => s.w > 200).sort((a, b) => Math.abs(a.y - panelBox.y) - Math.abs(b.y - panelBox.y))[0];
    const wanted = firstMarkerRow.y + 7 * firstMarkerRow.height + 4; // the panel's bottom edge stays
    const delta = panelBox.y + panelBox.height - wanted;
    if (sash && Math.abs(sash.y - panelBox.y) < 6 && delta > 0) {
      await page.mouse.move(sash.x, sash.y);
      await page.mouse.down();
      await page.mouse.move(sash.x, sash.y + delta, { steps: 8 });
      await page.mouse.up();
    }
  }

  // The picture: editor with squiggles, Problems panel, Outline and Speech Structure, status bar.
  // The mouse rests on the empty title bar; the dragged sash's hover highlight has gone.
  await page.mouse.move(1000, 43);
  await page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'detached', timeout: T });
  // …and its fade-out transition has finished (Web Animations API: each transition's `finished`).
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('.monaco-sash')].flatMap((el) => el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)))),
  );
  const overview = path.join(screenshotsDir, 'vscode-ui.png');
  await page.screenshot({ path: overview });
  log(`screenshot: ${overview}`);
  const readme = process.env.SPEECH_DRAFT_README_SCREENSHOT;
  if (readme) {
    const target = path.resolve(repoRoot, readme);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target });
    const size = fs.statSync(target).size;
    log(`README screenshot: ${target} (${Math.round(size / 1024)} KB)`);
    assert.ok(size < 200 * 1024, `${target} is ${size} bytes, over 200 KB`);
  }

  // Hovering a heading: its 字数, share and speaking time.
  await editor.locator('.view-line', { hasText: '（三）抓好落实' }).locator('span', { hasText: '抓好落实' }).last().hover();
  const hover = page.locator('.monaco-hover', { hasText: '占全文' });
  await hover.waitFor({ state: 'visible', timeout: T });
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
  log(`hover: ${hoverText.slice(0, 160)}`);
  assert.match(hoverText, /39 字 · 占全文 17%/);
  const hoverShot = path.join(screenshotsDir, 'vscode-ui-hover.png');
  await page.screenshot({ path: hoverShot });
  log(`screenshot: ${hoverShot}`);
}
