'use strict';
// Smoke test of the packaged extension: unpack the .vsix, check its manifest,
// load its bundled script with a stub `vscode` module, activate it with
// copydesk.serverPath pointing at the server under test, and play a short
// session through it. The initialize request is recorded on its way into the
// real server (a tee in front of it), so the test proves the server got it.
//
// usage: node smoke.js VSIX SERVER
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { unzip } = require('./unzip');
const { createStub, installStub } = require('./vscode-stub');
const { driveArticle, codeOf, describe, log } = require('./drive');

const TIMEOUT_MS = 60000;

/** The JSON-RPC messages in a byte stream of Content-Length frames (a partial last one is left). */
function readFrames(buf) {
  const out = [];
  let pos = 0;
  for (;;) {
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) break;
    const m = /Content-Length: *(\d+)/i.exec(buf.toString('latin1', pos, headerEnd));
    if (!m) throw new Error(`frame without Content-Length at byte ${pos}`);
    const start = headerEnd + 4, end = start + Number(m[1]);
    if (end > buf.length) break;
    out.push(JSON.parse(buf.toString('utf8', start, end)));
    pos = end;
  }
  return out;
}

/**
 * The frames recorded on the way to the server once `pred` holds of them (tee
 * passes data to the server before it writes the file, so the file may lag).
 */
async function wireFrames(wire, pred, timeoutMs = 5000) {
  let frames = [];
  for (const stop = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 20))) {
    frames = readFrames(fs.readFileSync(wire));
    if (pred(frames) || Date.now() > stop) return frames;
  }
}

async function main() {
  const [vsix, server] = process.argv.slice(2);
  assert.ok(vsix && server, 'usage: node smoke.js VSIX SERVER');
  assert.ok(fs.existsSync(vsix), `${vsix} exists (npm run package made it)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vsix-'));
  try {
    const names = unzip(vsix, dir);
    log('vsix entries:', names.join(' '));
    const ext = path.join(dir, 'extension');
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    assert.ok(names.includes('extension.vsixmanifest'), 'vsix has extension.vsixmanifest');
    assert.ok(names.some((n) => n.toLowerCase() === 'extension/readme.md'), 'vsix has the README for the extension page');
    assert.ok(!names.some((n) => n.includes('node_modules/')), 'no node_modules: the client is bundled');
    assert.ok(!names.some((n) => n.startsWith('extension/src/')), 'no TypeScript sources');
    assert.deepStrictEqual([...manifest.activationEvents].sort(),
      ['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.copydesk.json']);
    const props = manifest.contributes.configuration.properties;
    for (const key of ['copydesk.serverPath', 'copydesk.rules', 'copydesk.style', 'copydesk.inlayHints',
      'copydesk.codeLens', 'copydesk.trace.server']) {
      assert.ok(props[key], `contributes setting ${key}`);
    }
    assert.strictEqual(props['copydesk.serverPath'].default, 'copydesk');
    // The manifest a marketplace listing needs, and what VS Code asks of an extension.
    assert.strictEqual(manifest.license, 'MIT', 'licence');
    assert.ok(manifest.icon && names.includes(`extension/${manifest.icon}`), `the icon ${manifest.icon} is in the vsix`);
    assert.ok(names.some((n) => n.toLowerCase() === 'extension/changelog.md'), 'vsix has the CHANGELOG');
    const trust = manifest.capabilities && manifest.capabilities.untrustedWorkspaces;
    assert.ok(trust && trust.supported === 'limited' && trust.restrictedConfigurations.includes('copydesk.serverPath'),
      'untrusted workspaces: supported, with serverPath from user settings only');
    // VS Code 1.82 (the oldest the manifest accepts) runs extensions on Node 18.
    assert.match(manifest.engines.node, /^>=18(\.|$)/, 'engines.node admits the Node of VS Code 1.82');
    assert.strictEqual(props['copydesk.maxHints'].default, 300, 'copydesk.maxHints');
    assert.deepStrictEqual(props['copydesk.files'].default, [], 'copydesk.files');
    const validation = manifest.contributes.jsonValidation.find((v) => v.fileMatch === '.copydesk.json');
    assert.ok(validation, 'contributes a JSON schema for .copydesk.json');
    // That the schema itself is packaged is editors.vscode.schema's check (schema.js).
    const main = path.join(ext, manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`);
    assert.ok(fs.existsSync(main), `main script ${manifest.main} is in the vsix`);

    // The server, behind a tee that records what the client sends it.
    const wire = path.join(dir, 'to-server.log');
    const wrapper = path.join(dir, 'copydesk-wrapper');
    fs.writeFileSync(wrapper, `#!/bin/sh\ntee '${wire}' | exec '${path.resolve(server)}' "$@"\n`, { mode: 0o755 });

    const settings = {
      copydesk: {
        serverPath: wrapper,
        rules: { 'quote.attributed': 'info' },
        // One value of each of the extension's server settings, in the shapes its
        // package.json declares; the server must take them without a complaint.
        style: { courtesyTitles: 'after-first-reference', titlePeriod: 'Mr', preferredForms: { 'United States': 'U.S.' } },
        names: { known: ['Jane Doe', { name: 'Ann Lee', forms: ['A. Lee'] }], ignore: ['Tuesday'] },
        attribution: { verbs: ['quipped'] },
        claims: { add: ['insiders say', { phrase: 'it is understood', kind: 'anonymous-source' }], disable: [] },
        markdown: { ignorePatterns: ['^>.*$'] },
        inlayHints: true,
        codeLens: true,
        sources: ['transcripts'],
        trace: { server: process.env.COPYDESK_TRACE || 'off' },
      },
    };
    // The record copydesk.sources names, relative to the workspace folder.
    fs.mkdirSync(path.join(dir, 'transcripts'));
    fs.writeFileSync(path.join(dir, 'transcripts', 'ruiz.txt'),
      '[00:00:12] RUIZ: We will not raise mooring fees to pay for it, I can promise that.\n' +
      '[00:00:40] Q: Thank you.\n');
    const { vscode, test } = createStub({ settings, workspaceFolder: dir });
    installStub(vscode);
    const extension = require(main);
    assert.strictEqual(typeof extension.activate, 'function', 'the bundle exports activate');
    // copydesk.serverPath: a bare name is left to PATH; ~ and ${workspaceFolder} are expanded;
    // a relative path is taken from the workspace folder.
    assert.strictEqual(extension.resolveServerPath('copydesk'), 'copydesk');
    assert.strictEqual(extension.resolveServerPath(''), 'copydesk');
    assert.strictEqual(extension.resolveServerPath(undefined), 'copydesk');
    assert.strictEqual(extension.resolveServerPath('~/bin/copydesk'), path.join(os.homedir(), 'bin/copydesk'));
    assert.strictEqual(extension.resolveServerPath('${workspaceFolder}/build/copydesk'), path.join(dir, 'build/copydesk'));
    assert.strictEqual(extension.resolveServerPath('build/copydesk'), path.join(dir, 'build/copydesk'));
    assert.strictEqual(extension.resolveServerPath('/opt/copydesk/bin/copydesk'), '/opt/copydesk/bin/copydesk');
    // Which files are checked: Markdown; .txt only in a workspace with a .copydesk.json;
    // copydesk.files replaces both. No untitled plain text (scratch files) in any case.
    const filters = (files, desk) => JSON.stringify(extension.documentSelector(files, desk));
    assert.ok(/"language":"markdown"/.test(filters([], false)), 'Markdown by default');
    assert.ok(!/txt|plaintext/.test(filters([], false)), 'no plain text outside a desk workspace');
    assert.ok(/\*\*\/\*\.txt/.test(filters([], true)), '.txt in a workspace with a .copydesk.json');
    assert.ok(!/plaintext/.test(filters([], true)), 'not every plain-text document (untitled scratch files)');
    assert.strictEqual(filters(['articles/**/*.txt'], true),
      JSON.stringify([{ scheme: 'file', pattern: 'articles/**/*.txt' }, { scheme: 'file', pattern: '**/.copydesk.json' }]),
      'copydesk.files replaces the default');

    const context = test.extensionContext(ext);
    const api = await extension.activate(context);
    const client = api.client();
    assert.ok(client, 'activate started a language client');
    const init = client.initializeResult;
    log('initialize result:', JSON.stringify(init));
    assert.strictEqual(init.serverInfo.name, 'copydesk', 'the server answered initialize');
    assert.ok(init.capabilities.hoverProvider, 'hoverProvider');
    assert.ok(test.commands.has('copydesk.restartServer'), 'registers copydesk.restartServer');

    const frames = await wireFrames(wire, (f) => f.some((x) => x.method === 'initialized'));
    const initialize = frames.find((f) => f.method === 'initialize');
    assert.ok(initialize, 'the server received initialize on its stdin');
    assert.strictEqual(initialize.id, frames[0].id, 'initialize came first');
    const expected = { ...settings.copydesk };
    delete expected.serverPath;
    delete expected.trace;
    assert.deepStrictEqual(initialize.params.initializationOptions, expected,
      'initializationOptions are the server keys of the copydesk section');
    assert.ok(frames.some((f) => f.method === 'initialized'), 'the server received initialized');

    try {
      await session({ vscode, test, dir, ext, extension, settings, wire });
    } catch (err) {
      console.error('# client output:\n' + test.output.join(''));
      console.error('# vscode API the stub lacks:', [...test.missing].join(' '));
      throw err;
    }
    console.log('vscode smoke: 1 passed, 0 failed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything after activation. */
async function session({ vscode, test, dir, ext, extension, settings, wire }) {
  {
    await driveArticle({ vscode, test, dir, expectAttributedSeverity: vscode.DiagnosticSeverity.Information });

    // The quick fix the README promises: "Add an attribution" inserts SPEAKER said as a snippet
    // whose placeholder the writer types over.
    const fixFile = path.join(dir, 'fix.md');
    const fixText = 'The council met on Monday.\n\n"Nobody asked us."\n';
    fs.writeFileSync(fixFile, fixText);
    const fixDoc = test.openDocument(fixFile, 'markdown', fixText);
    const fixDiags = await test.waitForDiagnostics(fixDoc.uri, (d) => d.some((x) => codeOf(x) === 'quote.unattributed'));
    const lone = fixDiags.find((x) => codeOf(x) === 'quote.unattributed');
    const fixes = await test.provider('languages.registerCodeActionsProvider').args[1].provideCodeActions(
      fixDoc, lone.range, { diagnostics: [lone], only: undefined, triggerKind: 1 }, test.token());
    log('code actions on the lone quote:', JSON.stringify((fixes || []).map((a) => a.title)));
    const add = (fixes || []).find((a) => /Add an attribution/.test(a.title));
    assert.ok(add && add.command, 'an "Add an attribution" quick fix, run through the extension\'s command');
    assert.ok(add.isPreferred, 'it is the preferred fix');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments || []));
    log('snippets inserted:', JSON.stringify(test.snippets.map((s) => s.snippet)));
    assert.deepStrictEqual(test.snippets.map((s) => s.snippet), ['," ${1:SPEAKER} said.'],
      'the snippet has SPEAKER as its placeholder');
    assert.strictEqual(fixDoc.getText().split('\n')[2], '"Nobody asked us," SPEAKER said.',
      'the quote now ends with a comma and is followed by SPEAKER said.');
    test.closeDocument(fixDoc);

    const toServer = await wireFrames(wire, (f) => f.some((x) => x.result !== undefined && Array.isArray(x.result)));
    const configReply = toServer.find((f) => f.result !== undefined && Array.isArray(f.result));
    if (configReply) {
      log('workspace/configuration answer:', JSON.stringify(configReply.result));
      assert.ok(!('serverPath' in (configReply.result[0] || {})), 'workspace/configuration answers only server keys');
    }

    // copydesk.sources: the quote is checked against the transcript it names; emptied, it is not.
    const recordFile = path.join(dir, 'fees.md');
    const recordText = 'Fees stay\n\n"We will not raise mooring fees to pay for it, I can guarantee that," Ana Ruiz said.\n';
    fs.writeFileSync(recordFile, recordText);
    const recordDoc = test.openDocument(recordFile, 'markdown', recordText);
    const isAltered = (d) => codeOf(d) === 'quote.altered';
    const altered = await test.waitForDiagnostics(recordDoc.uri, (d) => d.some(isAltered));
    log('with copydesk.sources:', describe(altered));
    assert.ok(/'guarantee' here, 'promise' in ruiz\.txt/.test(altered.find(isAltered).message),
      'quote.altered names the word and the transcript');
    settings.copydesk.sources = [];
    test.changeConfiguration('copydesk.sources');
    const unsourced = await test.waitForDiagnostics(recordDoc.uri, (d) => d.length > 0 && !d.some(isAltered));
    log('copydesk.sources emptied:', describe(unsourced));
    test.closeDocument(recordDoc);

    // .copydesk.json: checked by the server while open, and re-read when the watcher says it changed.
    const configPath = path.join(dir, '.copydesk.json');
    const configDoc = test.openDocument(configPath, 'json', '{\n  "rules": { "quote.unattributed": "loud" }\n}\n');
    const configDiags = await test.waitForDiagnostics(configDoc.uri, (d) => d.length > 0);
    log('.copydesk.json diagnostics:', describe(configDiags));
    assert.ok(configDiags.some((d) => /quote\.unattributed/.test(d.message) && d.range.start.line === 1),
      'the open .copydesk.json gets a diagnostic on its bad severity, on line 1');
    test.closeDocument(configDoc);
    const second = test.openDocument(path.join(dir, 'second.md'), 'markdown', fs.readFileSync(path.join(__dirname, '..', 'article.md'), 'utf8'));
    const isUnattributed = (d) => codeOf(d) === 'quote.unattributed';
    await test.waitForDiagnostics(second.uri, (d) => d.some((x) => isUnattributed(x) && x.severity === vscode.DiagnosticSeverity.Warning));
    fs.writeFileSync(configPath, '{ "rules": { "quote.unattributed": "error" } }\n');
    assert.strictEqual(test.fileEvent('create', configPath), 1,
      'VS Code watches **/.copydesk.json once (the server registered the watch; the extension adds none)');
    const reread = await test.waitForDiagnostics(second.uri, (d) => d.some((x) => isUnattributed(x) && x.severity === vscode.DiagnosticSeverity.Error));
    log('after .copydesk.json appeared:', describe(reread));

    const complaints = test.messages.filter((m) => m.type === 'warning' || m.type === 'error');
    assert.deepStrictEqual(complaints, [], 'the server took every setting the extension declares');

    // A bad setting must reach the user as a message from the server.
    settings.copydesk.rules = { 'quote.attributed': 'loud' };
    test.changeConfiguration('copydesk.rules');
    const deadline = Date.now() + 10000;
    while (!test.messages.some((m) => m.type !== 'info' && /quote\.attributed/.test(m.message)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    log('messages:', JSON.stringify(test.messages.map((m) => m.message)));
    assert.ok(test.messages.some((m) => m.type !== 'info' && /quote\.attributed/.test(m.message)),
      'a bad rule severity is reported to the user');

    await extension.deactivate();
    const end = (await wireFrames(wire, (f) => f.some((x) => x.method === 'exit'))).map((f) => f.method).filter(Boolean);
    assert.ok(end.includes('shutdown') && end.includes('exit'), 'deactivate shut the server down');

    // A server that cannot be started: activation still succeeds, and the user is told what to set.
    settings.copydesk.serverPath = path.join(dir, 'no-such-copydesk');
    const before = test.messages.length;
    const api2 = await extension.activate(test.extensionContext(ext));
    assert.ok(api2, 'activate resolves even when the server cannot start');
    const named = (m) => m.type === 'error' && /copydesk\.serverPath/.test(m.message);
    for (const stop = Date.now() + 5000; Date.now() < stop && !test.messages.slice(before).some(named);) {
      await new Promise((r) => setTimeout(r, 20));
    }
    log('messages on a missing server:', JSON.stringify(test.messages.slice(before).map((m) => m.message)));
    const startError = test.messages.slice(before).find(named);
    assert.ok(startError && /copydesk\.serverPath/.test(startError.message), 'an error message names copydesk.serverPath');
    await extension.deactivate();

    assert.deepStrictEqual([...test.missing], [], 'the extension used no vscode API the stub lacks');
  }
}

const timer = setTimeout(() => {
  console.error(`vscode smoke: timed out after ${TIMEOUT_MS} ms`);
  process.exit(1);
}, TIMEOUT_MS);
main().then(() => { clearTimeout(timer); process.exit(0); }, (err) => {
  console.error(err && err.stack ? err.stack : err);
  console.error('vscode smoke: 0 passed, 1 failed');
  process.exit(1);
});
