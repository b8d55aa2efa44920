'use strict';
// The reporter's session both VS Code tests play through the stub editor:
// open tests/editors/article.md, read the diagnostics, hover two quotes, fix
// the unattributed one and see the diagnostics follow. Positions are UTF-16,
// as in VS Code; the article has emoji before quotes.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const ARTICLE = path.join(__dirname, '..', 'article.md');

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function describe(diags) {
  return JSON.stringify(diags.map((d) => ({
    code: codeOf(d), severity: d.severity,
    start: [d.range.start.line, d.range.start.character], message: d.message,
  })));
}

function hoverText(hover) {
  if (!hover) return '';
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

function log(...args) { console.log('#', ...args); }

/**
 * Plays the session. `expectAttributedSeverity` is the severity the
 * quote.attributed diagnostics must have (the tests change it through the
 * settings to prove those reach the server).
 */
async function driveArticle({ vscode, test, dir, expectAttributedSeverity }) {
  const S = vscode.DiagnosticSeverity;
  const text = fs.readFileSync(ARTICLE, 'utf8');
  const file = path.join(dir, 'council.md');
  fs.writeFileSync(file, text);
  const doc = test.openDocument(file, 'markdown', text);
  const uri = doc.uri;
  log('opened', uri.toString());

  const diags = await test.waitForDiagnostics(uri, (d) => d.length >= 3);
  log('diagnostics:', describe(diags));
  const attributed = diags.filter((d) => codeOf(d) === 'quote.attributed');
  const unattributed = diags.filter((d) => codeOf(d) === 'quote.unattributed');
  assert.strictEqual(attributed.length, 2, `two quote.attributed: ${describe(diags)}`);
  assert.strictEqual(unattributed.length, 1, `one quote.unattributed: ${describe(diags)}`);
  for (const d of attributed) assert.strictEqual(d.severity, expectAttributedSeverity, `quote.attributed severity: ${describe([d])}`);
  assert.strictEqual(unattributed[0].severity, S.Warning, 'quote.unattributed is a warning');
  assert.ok(diags.every((d) => d.source === undefined || /copydesk/.test(d.source)), 'source is copydesk');
  const at = (line) => attributed.find((d) => d.range.start.line === line);
  assert.ok(at(2), 'quote.attributed on line 2');
  assert.ok(at(4), 'quote.attributed on line 4');
  assert.strictEqual(at(4).range.start.character, 5, 'line 4 quote starts after two emoji and a space: UTF-16 column 5');
  assert.strictEqual(at(4).range.end.character, 5 + '"The river is rising,"'.length, 'line 4 quote end column');
  assert.strictEqual(unattributed[0].range.start.line, 6, 'quote.unattributed on line 6');
  assert.strictEqual(unattributed[0].range.start.character, 3, 'line 6 quote starts after one emoji and a space: UTF-16 column 3');
  assert.match(at(2).message, /Jane Doe/, 'attributed message names the speaker');

  const hoverProvider = test.provider('languages.registerHoverProvider');
  assert.ok(hoverProvider, 'a hover provider was registered (the server advertises hoverProvider)');
  const provide = (line, character) => hoverProvider.args[1].provideHover(doc, new vscode.Position(line, character), test.token());
  const h1 = hoverText(await provide(2, 5));
  log('hover 2:5:', JSON.stringify(h1));
  assert.match(h1, /Jane Doe/, 'hover on the first quote names Jane Doe');
  const h2 = hoverText(await provide(4, 8));
  log('hover 4:8:', JSON.stringify(h2));
  assert.match(h2, /Ann Lee/, 'hover on the quote after two emoji names Ann Lee');
  assert.doesNotMatch(h2, /Jane Doe/, 'hover on line 4 is about the line 4 quote');

  // Fix the unattributed quote: "Nobody asked us." -> "Nobody asked us," said Bo Chen.
  const old = '"Nobody asked us."';
  assert.strictEqual(doc.getText(new vscode.Range(6, 3, 6, 3 + old.length)), old);
  test.editDocument(doc, new vscode.Range(6, 3, 6, 3 + old.length), '"Nobody asked us," said Bo Chen.');
  log('edited line 6; now:', JSON.stringify(doc.getText().split('\n')[6]));
  const after = await test.waitForDiagnostics(uri, (d) =>
    !d.some((x) => codeOf(x) === 'quote.unattributed') &&
    d.filter((x) => codeOf(x) === 'quote.attributed').length === 3);
  log('diagnostics after the edit:', describe(after));
  const fixed = after.find((d) => codeOf(d) === 'quote.attributed' && d.range.start.line === 6);
  assert.ok(fixed, 'the fixed quote is attributed');
  assert.strictEqual(fixed.range.start.character, 3, 'fixed quote at UTF-16 column 3');
  const h3 = hoverText(await provide(6, 6));
  log('hover 6:6:', JSON.stringify(h3));
  assert.match(h3, /Bo Chen/, 'hover on the fixed quote names Bo Chen');
  return doc;
}

module.exports = { driveArticle, codeOf, describe, hoverText, log };
