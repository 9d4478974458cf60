// UI check: what a user sees in the real workbench, driven through the DOM with playwright-core.
// Run by the VS Code server runner in a fresh workbench (extension under development, no test
// payload, a fresh copy of test/vscode/workspace/):
//
//   npm run test:vscode-server        (after the suite, in Restricted Mode: what CI runs)
//   npm run test:vscode-ui            (only this, trusted)
//   npm run docs:screenshot           (only this, trusted, and writes docs/screenshot.png)
//   node scripts/vscode-server-test.mjs --no-tests --ui test/vscode/ui-check.mjs [--trusted]
//
// First opens notes.md (Markdown, not opted in): only the extension's entry module runs (no count in
// the status bar, no 讲稿结构 view, no language server process). Then opens problems.speech (known
// problems: 1 error, 9 warnings) and checks the squiggles, that CJK
// text is not boxed by the unicode highlighter (the configurationDefaults for [speech], which
// matters most in Restricted Mode), the status bar, the Problems panel, the Outline view, the
// Speech Structure view (讲稿结构; the workbench runs in English, so its title is the English one)
// with its badge, and a heading's hover; the Outline's icons (Markdown's heading icon, not code
// symbols); a rule page opened rendered from its link in the Problems panel; the Outline of
// long-headings.speech (every 字数 in view, the 结尾 part); typing a paragraph with the real keyboard
// (no word suggestions; Enter makes a new line even with the suggest widget open, Tab accepts);
// the output channel's log; the settings editor's value labels.
// Screenshots go to screenshots/ (gitignored) — look at them. With
// SPEECH_DRAFT_README_SCREENSHOT=<png> it also saves the README's picture there (1280×800 PNG,
// checked to stay under 200 KB).
//
// Every wait is on the DOM (Playwright's auto-waiting locators), never a fixed delay.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const T = 30_000;
const DRAFT = 'problems.speech';

/** Language server processes of this extension (`<extensionPath>/dist/server.js`). */
function serverProcesses(extensionPath) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path.join(extensionPath, 'dist', 'server.js'))) found.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
}

/** The editor's text as rendered (view lines in order; the editor shows all of a short file). */
async function editorText(editor) {
  return editor.locator('.view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat(el.style.top), text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n'),
  );
}

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

export default async function uiCheck({ page, workspace, repoRoot, extensionPath, screenshotsDir, log: print }) {
  const t0 = Date.now();
  const log = (m) => print(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  fs.mkdirSync(screenshotsDir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = page.locator('[id="speech-draft.speech-draft.speechDraft.count"]');

  // A Markdown file that is not opted in: the extension's entry module activates, nothing starts.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).dblclick();
  await page.locator('.editor-group-container .monaco-editor .view-lines', { hasText: '讲话要点' }).waitFor({ timeout: T });
  // Markdown's own outline symbols have arrived, so the extension host has seen the file.
  await page.locator('.monaco-breadcrumbs', { hasText: '讲话要点' }).waitFor({ timeout: T });
  assert.equal(await count.count(), 0, 'the count shows in the status bar for a Markdown file');
  assert.equal(await page.locator('.pane-header', { hasText: /^Speech Structure$/ }).count(), 0, 'the 讲稿结构 view shows for a Markdown file');
  assert.deepEqual(serverProcesses(extensionPath), [], 'a language server runs for a Markdown file');
  log('notes.md (Markdown, not opted in): no count in the status bar, no 讲稿结构 view, no language server process');
  await runCommand(page, 'View: Close All Editors');

  // Open the draft from the Explorer.
  const opened = Date.now();
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
  await count.filter({ hasText: '字数 233 / 5,000 · 综合' }).waitFor({ timeout: T });
  log(`problems.speech: the count in the status bar ${Date.now() - opened} ms after the double-click; language server processes: ${serverProcesses(extensionPath).length}`);
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

  // The Outline's icons: Markdown's heading icon for every level, no code symbols.
  const outlineIcons = await outline.locator('.monaco-list-row').evaluateAll((els) =>
    els.map((el) => [...(el.querySelector('.codicon[class*="codicon-symbol-"]')?.classList ?? [])].find((c) => c.startsWith('codicon-symbol-')) ?? 'none'),
  );
  log(`Outline icons: ${JSON.stringify(outlineIcons)}`);
  assert.deepEqual([...new Set(outlineIcons)], ['codicon-symbol-string']);

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
  await page.mouse.move(1000, 43);
  await hover.waitFor({ state: 'hidden', timeout: T });

  // The rule's link in the Problems panel opens its page rendered (the Markdown preview), beside the draft.
  await markers.locator('.monaco-list-row', { hasText: '标题编号不连续' }).locator('.monaco-link', { hasText: 'heading-sequence' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'heading-sequence.md' }).waitFor({ timeout: T });
  // The webview's content frame (an iframe in an iframe), once the page has rendered.
  const ruleFrame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await ruleFrame.locator('h1', { hasText: 'heading-sequence' }).waitFor({ timeout: T });
  const rendered = await ruleFrame.locator('body').evaluate(() => ({
    h1: document.querySelector('h1')?.textContent ?? '',
    tables: document.querySelectorAll('table').length,
    code: document.querySelectorAll('code').length,
    // Raw Markdown would show its marks.
    raw: /^#\s|\n\|---/.test(document.body.innerText),
  }));
  log(`rule page: ${JSON.stringify(rendered)}`);
  assert.equal(rendered.h1, 'heading-sequence');
  assert.equal(rendered.raw, false);
  const ruleShot = path.join(screenshotsDir, 'vscode-ui-rule-page.png');
  await page.screenshot({ path: ruleShot });
  log(`screenshot: ${ruleShot}`);
  await runCommand(page, 'View: Close All Editors');

  // A draft with headings longer than the sidebar and a closing: every 字数 stays in view.
  await setExpanded(page, path.basename(workspace), true);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'long-headings.speech' }).dblclick();
  await setExpanded(page, path.basename(workspace), false);
  for (const row of ['结尾', '（二）扎实推进农村人居']) await outline.locator('.monaco-list-row', { hasText: row }).waitFor({ timeout: T });
  const longRows = await outline.locator('.monaco-list-row').evaluateAll((els) =>
    els.map((el) => {
      const row = el.getBoundingClientRect();
      const description = el.querySelector('.label-description');
      const box = description?.getBoundingClientRect();
      const container = el.querySelector('.monaco-icon-label-container')?.getBoundingClientRect();
      return {
        text: `${el.querySelector('.label-name')?.textContent ?? ''} ${description?.textContent ?? ''}`,
        // The 字数 is whole inside the row's label area.
        countVisible: !!box && !!container && box.width > 0 && box.right <= Math.min(row.right, container.right) + 0.5,
      };
    }),
  );
  log(`Outline of long-headings.speech: ${JSON.stringify(longRows)}`);
  assert.deepEqual(longRows.map((r) => r.text), [
    '一、坚持以人民为中心的发… 125 字',
    '（一）健全完善联系服务… 43 字',
    '（二）扎实推进农村人居… 33 字',
    '二、压紧压实各级责任，确… 45 字',
    '结尾 55 字',
  ]);
  assert.ok(longRows.every((r) => r.countVisible), 'a 字数 is cut off in the Outline');
  for (const row of ['结尾', '（二）扎实推进农村人居']) await structure.locator('.monaco-list-row', { hasText: row }).waitFor({ timeout: T });
  const longStructure = await rows(page, 'Speech Structure');
  log(`Speech Structure of long-headings.speech: ${JSON.stringify(longStructure.map(([l, d]) => `${l} ${d}`))}`);
  assert.deepEqual(longStructure.map(([l, d]) => `${l} ${d}`), [
    '开头（标题、称谓、开场白） 52 字',
    '一、坚持以人民为中心的发… 125 字',
    '（一）健全完善联系服务… 43 字',
    '（二）扎实推进农村人居… 33 字',
    '二、压紧压实各级责任，确… 45 字',
    '结尾 55 字',
  ]);
  const outlineShot = path.join(screenshotsDir, 'vscode-ui-outline.png');
  await page.screenshot({ path: outlineShot });
  log(`screenshot: ${outlineShot}`);

  // Typing a paragraph with the keyboard: no word suggestions, Enter makes a new line.
  const longEditor = page.locator('.editor-group-container .monaco-editor').first();
  await longEditor.locator('.view-line', { hasText: '谢谢大家！' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('各乡镇');
  const suggest = page.locator('.editor-widget.suggest-widget');
  assert.equal(await suggest.isVisible(), false, 'a suggestion popped up while typing prose');
  await page.keyboard.press('Enter');
  await page.keyboard.type('要举一反三。');
  await longEditor.locator('.view-line', { hasText: '要举一反三。' }).waitFor({ timeout: T });
  // Ctrl+Space at a line start still offers the next heading marker; Enter does not take it, Tab does.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await suggest.locator('.monaco-list-row', { hasText: '三、' }).first().waitFor({ timeout: T });
  const typingShot = path.join(screenshotsDir, 'vscode-ui-typing.png');
  await page.screenshot({ path: typingShot });
  log(`screenshot: ${typingShot}`);
  await page.keyboard.press('Enter');
  await suggest.waitFor({ state: 'hidden', timeout: T });
  await page.keyboard.press('Control+Space');
  await suggest.locator('.monaco-list-row', { hasText: '三、' }).first().waitFor({ timeout: T });
  await page.keyboard.press('Tab');
  await longEditor.locator('.view-line', { hasText: /^三、$/ }).waitFor({ timeout: T });
  const shown = (await editorText(longEditor)).split('\n');
  const typed = shown.slice(shown.indexOf('谢谢大家！'));
  log(`typed: ${JSON.stringify(typed)}`);
  // (The file's own last line break follows.)
  assert.deepEqual(typed, ['谢谢大家！', '各乡镇', '要举一反三。', '', '三、', '']);

  // The output channel says what happened: versions, settings in effect, lint times.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Output: Show Output Channels');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output Channels' }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '讲稿助手 Speech Draft' }).first().click();
  const outputView = page.locator('.part.panel .monaco-editor', { has: page.locator('.view-line', { hasText: 'linted file:' }) }).first();
  await outputView.waitFor({ timeout: T });
  // From its first line, in a maximized panel.
  await runCommand(page, 'View: Toggle Maximized Panel');
  await outputView.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await outputView.locator('.view-line', { hasText: 'language server started in' }).first().waitFor({ timeout: T });
  const outputLines = await outputView.locator('.view-line').evaluateAll((els) => els.map((el) => el.textContent.replace(/\u00a0/g, ' ')));
  log(`output channel (${outputLines.length} lines shown): ${JSON.stringify(outputLines.slice(0, 4))}`);
  for (const wanted of ['讲稿助手 0.1.0 in VS Code', 'language server started in', 'speech-lint language server 0.1.0', 'settings for file:', 'linted file:']) {
    assert.ok(outputLines.some((l) => l.includes(wanted)), `the output channel has no line with ${wanted}`);
  }
  const outputShot = path.join(screenshotsDir, 'vscode-ui-output.png');
  await page.screenshot({ path: outputShot });
  log(`screenshot: ${outputShot}`);
  await runCommand(page, 'View: Toggle Maximized Panel');

  // The settings editor names the values (enumItemLabels; in English here, the workbench's language).
  await runCommand(page, 'Preferences: Open Settings (UI)');
  await page.locator('.settings-editor .settings-header').waitFor({ timeout: T });
  await page.keyboard.type('@ext:speech-draft.speech-draft');
  await page.locator('.settings-editor .setting-item-contents', { hasText: 'Length Preset' }).first().waitFor({ timeout: T });
  const shownValues = await page.locator('.settings-editor select').evaluateAll((els) => els.map((e) => e.options[e.selectedIndex]?.textContent ?? ''));
  log(`settings editor, the values shown: ${JSON.stringify(shownValues)}`);
  // (The list is virtualized: the first settings are the ones rendered for sure.)
  assert.deepEqual(shownValues.slice(0, 2), ['Comprehensive', 'Local (3,000 / 5,000)']);
  const settingsShot = path.join(screenshotsDir, 'vscode-ui-settings.png');
  await page.screenshot({ path: settingsShot });
  log(`screenshot: ${settingsShot}`);
}
