'use strict';
// vscode-languageclient itself (from the extension's node_modules, not the
// bundle) against the server, inside the stub editor: the handshake, then the
// reporter's session, the other features the extension shows (code actions,
// inlay hints, outline, code lens) and a settings change taking effect.
//
// usage: node client.js NODE_MODULES SERVER
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createStub, installStub } = require('./vscode-stub');
const { driveArticle, codeOf, describe, log } = require('./drive');

const TIMEOUT_MS = 60000;

function labelOf(hint) {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

function flattenSymbols(symbols) {
  const out = [];
  const walk = (list) => { for (const s of list || []) { out.push(s); walk(s.children); } };
  walk(symbols);
  return out;
}

async function main() {
  const [nodeModules, server] = process.argv.slice(2);
  assert.ok(nodeModules && server, 'usage: node client.js NODE_MODULES SERVER');
  const settings = { copydesk: { rules: {}, inlayHints: true, codeLens: true,
    trace: { server: process.env.COPYDESK_TRACE || 'off' } } };
  const { vscode, test } = createStub({ settings });
  installStub(vscode);
  const { LanguageClient, State } = require(path.join(path.resolve(nodeModules), 'vscode-languageclient', 'node'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-client-'));
  const client = new LanguageClient('copydesk', 'copydesk',
    { command: path.resolve(server), args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'plaintext' }],
      synchronize: { configurationSection: 'copydesk' },
      outputChannel: vscode.window.createOutputChannel('copydesk'),
    });
  try {
    await client.start();
    assert.strictEqual(client.state, State.Running, 'the client is running');
    const init = client.initializeResult;
    log('initialize result:', JSON.stringify(init));
    assert.strictEqual(init.serverInfo.name, 'copydesk');
    const caps = init.capabilities;
    assert.ok(caps.positionEncoding === undefined || caps.positionEncoding === 'utf-16',
      'VS Code offers only utf-16, so the server must use it');
    const sync = caps.textDocumentSync;
    assert.strictEqual(typeof sync === 'number' ? sync : sync.change, 2, 'incremental sync');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    assert.ok(caps.inlayHintProvider, 'inlayHintProvider');
    assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(caps.codeLensProvider, 'codeLensProvider');

    await driveArticle({ vscode, test, dir, expectAttributedSeverity: vscode.DiagnosticSeverity.Hint });

    // A second copy of the article, untouched, for the other features.
    const text = fs.readFileSync(path.join(__dirname, '..', 'article.md'), 'utf8');
    const file = path.join(dir, 'second.md');
    fs.writeFileSync(file, text);
    const doc = test.openDocument(file, 'markdown', text);
    const diags = await test.waitForDiagnostics(doc.uri, (d) => d.length >= 3);
    const unattributed = diags.find((d) => codeOf(d) === 'quote.unattributed');
    assert.ok(unattributed, `quote.unattributed in the second document: ${describe(diags)}`);

    const actions = await test.provider('languages.registerCodeActionsProvider').args[1].provideCodeActions(
      doc, unattributed.range, { diagnostics: [unattributed], only: undefined, triggerKind: 1 }, test.token());
    log('code actions:', JSON.stringify((actions || []).map((a) => ({ title: a.title, kind: a.kind && a.kind.value }))));
    assert.ok(actions && actions.length > 0, 'a code action for the unattributed quote');
    assert.ok(actions.some((a) => a.kind && a.kind.value.startsWith('quickfix')), 'it is a quickfix');
    // Without the extension's snippet command, "Add an attribution" is a plain edit.
    const add = actions.find((a) => /Add an attribution/.test(a.title));
    assert.ok(add && add.edit && !add.command, 'a plain client gets "Add an attribution" as an edit');

    const hints = await test.provider('languages.registerInlayHintsProvider').args[1].provideInlayHints(
      doc, new vscode.Range(0, 0, 7, 0), test.token());
    const labels = (hints || []).map(labelOf);
    log('inlay hints:', JSON.stringify((hints || []).map((h) => ({ label: labelOf(h), at: [h.position.line, h.position.character] }))));
    assert.ok(labels.some((l) => /Jane Doe/.test(l)), 'an inlay hint names Jane Doe');
    assert.ok(labels.some((l) => /Ann Lee/.test(l)), 'an inlay hint names Ann Lee');
    const annHint = hints.find((h) => /Ann Lee/.test(labelOf(h)));
    assert.strictEqual(annHint.position.line, 4, 'the Ann Lee hint is on line 4');
    assert.strictEqual(annHint.position.character, 5 + '"The river is rising,"'.length, 'the Ann Lee hint is right after the quote (UTF-16 column 27)');

    const symbols = flattenSymbols(await test.provider('languages.registerDocumentSymbolProvider').args[1]
      .provideDocumentSymbols(doc, test.token()));
    log('symbols:', JSON.stringify(symbols.map((s) => s.name)));
    assert.ok(symbols.some((s) => /Jane Doe/.test(s.name)), 'the outline lists Jane Doe');
    assert.ok(symbols.some((s) => /Ann Lee/.test(s.name)), 'the outline lists Ann Lee');

    const lenses = await test.provider('languages.registerCodeLensProvider').args[1].provideCodeLenses(doc, test.token());
    log('code lens:', JSON.stringify((lenses || []).map((l) => l.command && l.command.title)));
    assert.ok(lenses && lenses.length > 0 && lenses[0].command && lenses[0].command.title, 'a code lens with a title');

    // Settings change: the client sends workspace/didChangeConfiguration; the server
    // must re-check the open documents with the new severity.
    settings.copydesk.rules = { 'quote.unattributed': 'error' };
    test.changeConfiguration('copydesk.rules');
    const after = await test.waitForDiagnostics(doc.uri, (d) =>
      d.some((x) => codeOf(x) === 'quote.unattributed' && x.severity === vscode.DiagnosticSeverity.Error));
    log('after the settings change:', describe(after));

    // The inlay hint and code lens switches.
    settings.copydesk.inlayHints = false;
    settings.copydesk.codeLens = false;
    test.changeConfiguration('copydesk.inlayHints');
    const inlay = test.provider('languages.registerInlayHintsProvider').args[1];
    const lens = test.provider('languages.registerCodeLensProvider').args[1];
    let offHints, offLenses;
    for (const stop = Date.now() + 10000; Date.now() < stop; await new Promise((r) => setTimeout(r, 50))) {
      offHints = await inlay.provideInlayHints(doc, new vscode.Range(0, 0, 7, 0), test.token());
      offLenses = await lens.provideCodeLenses(doc, test.token());
      if ((offHints || []).length === 0 && (offLenses || []).length === 0) break;
    }
    assert.strictEqual((offHints || []).length, 0, 'copydesk.inlayHints false: no inlay hints');
    assert.strictEqual((offLenses || []).length, 0, 'copydesk.codeLens false: no code lens');
    log('inlay hints and code lens switched off');

    if (process.env.COPYDESK_TRACE) console.log(test.output.join(''));
    await client.stop(5000);
    assert.strictEqual(client.state, State.Stopped, 'stopped');
    assert.deepStrictEqual([...test.missing], [], 'the client used no vscode API the stub lacks');
    console.log('vscode languageclient: 1 passed, 0 failed');
  } catch (err) {
    console.error('# client output:\n' + test.output.join(''));
    console.error('# vscode API the stub lacks:', [...test.missing].join(' '));
    throw err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const timer = setTimeout(() => {
  console.error(`vscode languageclient: timed out after ${TIMEOUT_MS} ms`);
  process.exit(1);
}, TIMEOUT_MS);
main().then(() => { clearTimeout(timer); process.exit(0); }, (err) => {
  console.error(err && err.stack ? err.stack : err);
  console.error('vscode languageclient: 0 passed, 1 failed');
  process.exit(1);
});
