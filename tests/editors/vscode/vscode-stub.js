'use strict';
// A stand-in for the `vscode` module, enough of it for vscode-languageclient to
// start a server, sync documents, show diagnostics and answer hovers. VS Code
// itself cannot run on the test machines; this is what the extension's bundle
// gets when it calls require('vscode') in the smoke tests.
//
// createStub({ settings, workspaceFolder }) returns { vscode, test } where
// `test` lets the test open and edit documents and call the providers the
// extension registered, as the editor would.

const fs = require('fs');
const path = require('path');
const Module = require('module');

function createStub(options = {}) {
  const settings = options.settings || {};
  const missing = new Set();

  class Disposable {
    constructor(fn) { this._fn = fn; }
    static from(...items) {
      return new Disposable(() => { for (const d of items) if (d && d.dispose) d.dispose(); });
    }
    dispose() { if (this._fn) { const fn = this._fn; this._fn = undefined; fn(); } }
  }

  class EventEmitter {
    constructor() {
      this._listeners = new Set();
      this.event = (listener, thisArg, disposables) => {
        const entry = { listener, thisArg };
        this._listeners.add(entry);
        const d = new Disposable(() => this._listeners.delete(entry));
        if (Array.isArray(disposables)) disposables.push(d);
        return d;
      };
    }
    fire(value) {
      for (const { listener, thisArg } of [...this._listeners]) {
        try { listener.call(thisArg, value); } catch (err) { console.error('listener failed:', err); }
      }
    }
    dispose() { this._listeners.clear(); }
  }

  class CancellationError extends Error {
    constructor() { super('Canceled'); this.name = 'Canceled'; }
  }

  class CancellationTokenSource {
    constructor() {
      const emitter = new EventEmitter();
      this._emitter = emitter;
      this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    }
    cancel() {
      if (!this.token.isCancellationRequested) {
        this.token.isCancellationRequested = true;
        this._emitter.fire(undefined);
      }
    }
    dispose() { this._emitter.dispose(); }
  }

  class Uri {
    constructor(scheme, authority, p, query, fragment) {
      this.scheme = scheme;
      this.authority = authority || '';
      this.path = p || '';
      this.query = query || '';
      this.fragment = fragment || '';
    }
    static parse(value) {
      const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
      if (!m) throw new Error(`not a URI: ${value}`);
      return new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4], m[5]);
    }
    static file(p) { return new Uri('file', '', path.resolve(p)); }
    static joinPath(base, ...parts) { return base.with({ path: path.posix.join(base.path, ...parts) }); }
    get fsPath() { return this.path; }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority,
        change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
    }
    toString() {
      const p = encodeURI(this.path).replace(/[?#]/g, encodeURIComponent);
      let s = `${this.scheme}:`;
      if (this.authority || this.scheme === 'file') s += `//${this.authority}`;
      s += p;
      if (this.query) s += `?${this.query}`;
      if (this.fragment) s += `#${this.fragment}`;
      return s;
    }
    toJSON() { return { scheme: this.scheme, path: this.path, external: this.toString() }; }
  }

  class Position {
    constructor(line, character) { this.line = line; this.character = character; }
    isEqual(o) { return this.line === o.line && this.character === o.character; }
    isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
    isAfter(o) { return !this.isEqual(o) && !this.isBefore(o); }
    translate(dl = 0, dc = 0) { return new Position(this.line + dl, this.character + dc); }
  }

  class Range {
    constructor(a, b, c, d) {
      if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); }
      else { this.start = a; this.end = b; }
    }
    get isEmpty() { return this.start.isEqual(this.end); }
    contains(p) {
      if (p instanceof Range) return this.contains(p.start) && this.contains(p.end);
      return !p.isBefore(this.start) && !this.end.isBefore(p);
    }
  }

  class Selection extends Range {}

  class Location {
    constructor(uri, rangeOrPosition) { this.uri = uri; this.range = rangeOrPosition; }
  }

  const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
  const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };

  class Diagnostic {
    constructor(range, message, severity = DiagnosticSeverity.Error) {
      this.range = range;
      this.message = message;
      this.severity = severity;
    }
  }

  class DiagnosticRelatedInformation {
    constructor(location, message) { this.location = location; this.message = message; }
  }

  class MarkdownString {
    constructor(value = '', supportThemeIcons = false) {
      this.value = value;
      this.supportThemeIcons = supportThemeIcons;
    }
    appendText(v) { this.value += v.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); return this; }
    appendMarkdown(v) { this.value += v; return this; }
    appendCodeblock(code, lang = '') { this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`; return this; }
  }

  class Hover {
    constructor(contents, range) {
      this.contents = Array.isArray(contents) ? contents : [contents];
      this.range = range;
    }
  }

  class SnippetString {
    constructor(value) { this.value = value || ''; }
  }

  class TextEdit {
    constructor(range, newText) { this.range = range; this.newText = newText; }
    static replace(range, newText) { return new TextEdit(range, newText); }
    static insert(position, newText) { return new TextEdit(new Range(position, position), newText); }
    static delete(range) { return new TextEdit(range, ''); }
  }

  class WorkspaceEdit {
    constructor() { this._edits = []; }
    replace(uri, range, newText) { this._edits.push({ uri, edit: new TextEdit(range, newText) }); }
    insert(uri, position, newText) { this.replace(uri, new Range(position, position), newText); }
    delete(uri, range) { this.replace(uri, range, ''); }
    set(uri, edits) { for (const e of edits || []) this._edits.push({ uri, edit: e }); }
    createFile(uri, opts) { this._edits.push({ create: uri, opts }); }
    deleteFile(uri, opts) { this._edits.push({ delete: uri, opts }); }
    renameFile(from, to, opts) { this._edits.push({ rename: [from, to], opts }); }
    entries() {
      const map = new Map();
      for (const e of this._edits) {
        if (!e.edit) continue;
        const key = e.uri.toString();
        if (!map.has(key)) map.set(key, [e.uri, []]);
        map.get(key)[1].push(e.edit);
      }
      return [...map.values()];
    }
    get size() { return this.entries().length; }
  }

  class CodeActionKind {
    constructor(value) { this.value = value; }
    append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
    intersects(other) { return this.contains(other) || other.contains(this); }
    contains(other) { return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`); }
  }
  for (const [k, v] of Object.entries({
    Empty: '', QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract',
    RefactorInline: 'refactor.inline', RefactorMove: 'refactor.move', RefactorRewrite: 'refactor.rewrite',
    Source: 'source', SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll',
    Notebook: 'notebook',
  })) CodeActionKind[k] = new CodeActionKind(v);

  class CodeAction {
    constructor(title, kind) { this.title = title; this.kind = kind; }
  }
  class CodeLens {
    constructor(range, command) { this.range = range; this.command = command; }
    get isResolved() { return !!this.command; }
  }
  class InlayHint {
    constructor(position, label, kind) { this.position = position; this.label = label; this.kind = kind; }
  }
  class InlayHintLabelPart {
    constructor(value) { this.value = value; }
  }
  class DocumentSymbol {
    constructor(name, detail, kind, range, selectionRange) {
      Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
    }
  }
  class SymbolInformation {
    constructor(name, kind, containerName, location) {
      Object.assign(this, { name, kind, containerName, location });
    }
  }
  class CompletionItem {
    constructor(label, kind) { this.label = label; this.kind = kind; }
  }
  class CompletionList {
    constructor(items = [], isIncomplete = false) { this.items = items; this.isIncomplete = isIncomplete; }
  }
  class DocumentLink {
    constructor(range, target) { this.range = range; this.target = target; }
  }
  class CallHierarchyItem {
    constructor(kind, name, detail, uri, range, selectionRange) {
      Object.assign(this, { kind, name, detail, uri, range, selectionRange });
    }
  }
  class TypeHierarchyItem extends CallHierarchyItem {}
  class RelativePattern {
    constructor(base, pattern) { this.baseUri = typeof base === 'string' ? Uri.file(base) : (base.uri || base); this.base = this.baseUri.fsPath; this.pattern = pattern; }
  }
  class TabInputText { constructor(uri) { this.uri = uri; } }
  class TabInputTextDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }
  class TabInputCustom { constructor(uri, viewType) { this.uri = uri; this.viewType = viewType; } }

  const enumOf = (...names) => Object.fromEntries(names.map((n, i) => [n, i]));
  const SymbolKind = enumOf('File', 'Module', 'Namespace', 'Package', 'Class', 'Method', 'Property',
    'Field', 'Constructor', 'Enum', 'Interface', 'Function', 'Variable', 'Constant', 'String', 'Number',
    'Boolean', 'Array', 'Object', 'Key', 'Null', 'EnumMember', 'Struct', 'Event', 'Operator',
    'TypeParameter');
  const CompletionItemKind = enumOf('Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable',
    'Class', 'Interface', 'Module', 'Property', 'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color',
    'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator',
    'TypeParameter', 'User', 'Issue');

  // ---- documents ----------------------------------------------------------

  function offsetAt(text, pos) {
    // UTF-16 positions, as VS Code uses: JS strings are UTF-16 already.
    let line = 0, i = 0;
    while (line < pos.line && i < text.length) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) { i = text.length; break; }
      i = nl + 1;
      line++;
    }
    const end = text.indexOf('\n', i);
    const lineEnd = end < 0 ? text.length : end;
    return Math.min(i + pos.character, lineEnd);
  }

  function positionAt(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new Position(line, offset - (before.lastIndexOf('\n') + 1));
  }

  class TextDocument {
    constructor(uri, languageId, text) {
      this.uri = uri;
      this.languageId = languageId;
      this.version = 1;
      this._text = text;
      this.isClosed = false;
      this.isDirty = false;
      this.isUntitled = uri.scheme === 'untitled';
      this.eol = 1;
      this.encoding = 'utf8';
    }
    get fileName() { return this.uri.fsPath; }
    get lineCount() { return this._text.split('\n').length; }
    getText(range) {
      if (!range) return this._text;
      return this._text.slice(offsetAt(this._text, range.start), offsetAt(this._text, range.end));
    }
    offsetAt(p) { return offsetAt(this._text, p); }
    positionAt(o) { return positionAt(this._text, o); }
    lineAt(lineOrPos) {
      const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
      const text = this._text.split('\n')[line] ?? '';
      return { lineNumber: line, text, range: new Range(line, 0, line, text.length),
        isEmptyOrWhitespace: text.trim() === '', firstNonWhitespaceCharacterIndex: text.search(/\S|$/) };
    }
    getWordRangeAtPosition(p) { return new Range(p, p); }
    validateRange(r) { return r; }
    validatePosition(p) { return p; }
    save() { return Promise.resolve(true); }
  }

  // ---- configuration ------------------------------------------------------

  function lookup(obj, dotted) {
    let v = obj;
    for (const part of dotted.split('.')) {
      if (v === undefined || v === null || typeof v !== 'object') return undefined;
      v = v[part];
    }
    return v;
  }

  function getConfiguration(section) {
    const base = section ? lookup(settings, section) : settings;
    const get = (key, dflt) => {
      const v = base === undefined ? undefined : (key in base ? base[key] : lookup(base, key));
      return v === undefined ? dflt : v;
    };
    const cfg = {
      get,
      has: (key) => get(key) !== undefined,
      inspect: (key) => ({ key, globalValue: get(key) }),
      update: () => Promise.resolve(),
    };
    if (base && typeof base === 'object') for (const [k, v] of Object.entries(base)) if (!(k in cfg)) cfg[k] = v;
    return cfg;
  }

  // ---- namespaces ---------------------------------------------------------

  const events = {};
  const eventOf = (name) => {
    if (!events[name]) events[name] = new EventEmitter();
    return events[name].event;
  };

  const providers = [];
  const commandsTable = new Map();
  const collections = [];
  const messages = [];
  const snippets = [];
  const textDocuments = [];
  const output = [];

  const registrar = (kind) => (...args) => {
    const entry = { kind, args };
    providers.push(entry);
    return new Disposable(() => { const i = providers.indexOf(entry); if (i >= 0) providers.splice(i, 1); });
  };

  function matchFilter(filter, document) {
    if (typeof filter === 'string') return filter === '*' || filter === document.languageId ? 10 : 0;
    if (filter.language && filter.language !== '*' && filter.language !== document.languageId) return 0;
    if (filter.scheme && filter.scheme !== '*' && filter.scheme !== document.uri.scheme) return 0;
    if (filter.notebookType) return 0;
    if (filter.pattern) {
      const pattern = typeof filter.pattern === 'string' ? filter.pattern : filter.pattern.pattern;
      if (!globMatch(pattern, document.uri.fsPath)) return 0;
    }
    return filter.language || filter.scheme || filter.pattern ? 10 : 0;
  }

  /** A glob (`**`, `*`, `?`, `{a,b}`) against a path; a pattern without `/` matches any base name. */
  function globMatch(glob, p) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        if (glob[i + 2] === '/') { re += '(?:.*/)?'; i += 2; } else { re += '.*'; i += 1; }
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else if (c === '{') re += '(?:';
      else if (c === '}') re += ')';
      else if (c === ',') re += '|';
      else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    const rx = new RegExp(`^${re}$`);
    return rx.test(p) || (!glob.includes('/') && rx.test(path.basename(p))) || (glob.startsWith('**/') && rx.test(path.basename(p)));
  }

  const watchers = [];

  function match(selector, document) {
    const list = Array.isArray(selector) ? selector : [selector];
    let best = 0;
    for (const f of list) best = Math.max(best, matchFilter(f, document));
    return best;
  }

  function createDiagnosticCollection(name) {
    const map = new Map();
    const collection = {
      name,
      set(uriOrEntries, diagnostics) {
        if (Array.isArray(uriOrEntries)) {
          for (const [u, d] of uriOrEntries) collection.set(u, d);
          return;
        }
        map.set(uriOrEntries.toString(), diagnostics ? [...diagnostics] : []);
        if (events.diagnostics) events.diagnostics.fire(uriOrEntries);
      },
      get: (uri) => map.get(uri.toString()),
      has: (uri) => map.has(uri.toString()),
      delete: (uri) => map.delete(uri.toString()),
      clear: () => map.clear(),
      forEach: (cb) => map.forEach((d, u) => cb(Uri.parse(u), d, collection)),
      dispose: () => map.clear(),
      [Symbol.iterator]: function* () { for (const [u, d] of map) yield [Uri.parse(u), d]; },
    };
    collections.push(collection);
    return collection;
  }

  const autoNamespace = (name, explicit) => new Proxy(explicit, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop !== 'string') return undefined;
      if (/^on(Did|Will)/.test(prop)) return eventOf(`${name}.${prop}`);
      if (/^register/.test(prop)) return registrar(`${name}.${prop}`);
      missing.add(`${name}.${prop}`);
      return undefined;
    },
  });

  const outputChannel = (channelName) => {
    const channel = {
      name: channelName,
      append: (s) => output.push(s),
      appendLine: (s) => output.push(`${s}\n`),
      replace: (s) => { output.length = 0; output.push(s); },
      clear: () => { output.length = 0; },
      show: () => {}, hide: () => {}, dispose: () => {},
      trace: (s) => output.push(`${s}\n`), debug: (s) => output.push(`${s}\n`),
      info: (s) => output.push(`${s}\n`), warn: (s) => output.push(`${s}\n`),
      error: (s) => output.push(`${s}\n`),
      logLevel: 2, onDidChangeLogLevel: eventOf('channel.onDidChangeLogLevel'),
    };
    return channel;
  };

  const folderPath = options.workspaceFolder;
  const workspaceFolders = folderPath
    ? [{ uri: Uri.file(folderPath), name: path.basename(folderPath), index: 0 }]
    : undefined;

  const workspace = autoNamespace('workspace', {
    getConfiguration,
    workspaceFolders,
    textDocuments,
    notebookDocuments: [],
    name: folderPath ? path.basename(folderPath) : undefined,
    rootPath: folderPath,
    getWorkspaceFolder: (uri) => (workspaceFolders || []).find((f) => uri.fsPath.startsWith(f.uri.fsPath)),
    createFileSystemWatcher: (glob) => {
      const w = { glob: typeof glob === 'string' ? glob : glob.pattern, create: new EventEmitter(),
        change: new EventEmitter(), delete: new EventEmitter(), disposed: false };
      watchers.push(w);
      return {
        onDidCreate: w.create.event, onDidChange: w.change.event, onDidDelete: w.delete.event,
        ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false,
        dispose: () => { w.disposed = true; },
      };
    },
    applyEdit: (edit) => { messages.push({ kind: 'applyEdit', edit }); return Promise.resolve(true); },
    // Files on disk under the workspace folder whose path matches the glob (exclusions ignored).
    findFiles: (glob, exclude, max) => {
      const found = [];
      const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          if (max !== undefined && found.length >= max) return;
          const p = path.join(dir, e.name);
          if (e.isDirectory() && e.name !== 'node_modules') walk(p);
          else if (e.isFile() && globMatch(typeof glob === 'string' ? glob : glob.pattern, p)) found.push(Uri.file(p));
        }
      };
      if (folderPath) walk(folderPath);
      return Promise.resolve(found);
    },
    openTextDocument: () => Promise.reject(new Error('not in the stub')),
    fs: { stat: () => Promise.reject(new Error('not in the stub')) },
    isTrusted: true,
  });

  const tabGroup = { isActive: true, viewColumn: 1, activeTab: undefined, tabs: [] };

  const showMessage = (type) => (message, ...items) => {
    messages.push({ type, message, items });
    return Promise.resolve(undefined);
  };

  const window = autoNamespace('window', {
    createOutputChannel: outputChannel,
    showErrorMessage: showMessage('error'),
    showWarningMessage: showMessage('warning'),
    showInformationMessage: showMessage('info'),
    withProgress: (opts, task) => task({ report: () => {} }, new CancellationTokenSource().token),
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: { all: [tabGroup], onDidChangeTabs: eventOf('tabGroups.onDidChangeTabs'),
      onDidChangeTabGroups: eventOf('tabGroups.onDidChangeTabGroups') },
    // An editor whose insertSnippet records the snippet and types its text, each placeholder
    // replaced by its default, as VS Code shows it before the writer types over it.
    showTextDocument: (doc) => Promise.resolve({
      document: doc,
      insertSnippet: (snippet, where) => {
        snippets.push({ uri: doc.uri.toString(), snippet: snippet.value, range: where });
        test.editDocument(doc, where, snippet.value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, ''));
        return Promise.resolve(true);
      },
    }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
  });

  const languages = autoNamespace('languages', {
    match,
    createDiagnosticCollection,
    getLanguages: () => Promise.resolve(['markdown', 'plaintext']),
  });

  const commands = {
    registerCommand: (id, fn) => {
      commandsTable.set(id, fn);
      return new Disposable(() => commandsTable.delete(id));
    },
    registerTextEditorCommand: (id, fn) => {
      commandsTable.set(id, fn);
      return new Disposable(() => commandsTable.delete(id));
    },
    executeCommand: (id, ...args) => {
      const fn = commandsTable.get(id);
      return Promise.resolve(fn ? fn(...args) : undefined);
    },
    getCommands: () => Promise.resolve([...commandsTable.keys()]),
  };

  const env = {
    appName: 'Visual Studio Code (copydesk test stub)',
    appRoot: '/nonexistent', language: 'en', machineId: 'test', sessionId: 'test',
    uiKind: 1, remoteName: undefined, shell: '/bin/sh', uriScheme: 'vscode',
    openExternal: () => Promise.resolve(true),
    clipboard: { readText: () => Promise.resolve(''), writeText: () => Promise.resolve() },
  };

  const vscode = {
    version: '1.82.0',
    Disposable, EventEmitter, CancellationError, CancellationTokenSource, Uri, Position, Range,
    Selection, Location, Diagnostic, DiagnosticSeverity, DiagnosticTag, DiagnosticRelatedInformation,
    MarkdownString, Hover, SnippetString, TextEdit, WorkspaceEdit, CodeActionKind, CodeAction, CodeLens, InlayHint,
    InlayHintLabelPart, DocumentSymbol, SymbolInformation, SymbolKind, CompletionItem,
    CompletionItemKind, CompletionList, DocumentLink, CallHierarchyItem, TypeHierarchyItem,
    RelativePattern, TabInputText, TabInputTextDiff, TabInputCustom,
    SymbolTag: { Deprecated: 1 },
    CompletionItemTag: { Deprecated: 1 },
    InlayHintKind: { Type: 1, Parameter: 2 },
    DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
    FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
    CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
    CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
    SignatureHelpTriggerKind: { Invoke: 1, TriggerCharacter: 2, ContentChange: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    UIKind: { Desktop: 1, Web: 2 },
    EndOfLine: { LF: 1, CRLF: 2 },
    workspace, window, languages, commands, env,
    extensions: { all: [], getExtension: () => undefined, onDidChange: eventOf('extensions.onDidChange') },
  };

  // ---- what the test drives ------------------------------------------------

  let docCounter = 0;
  const test = {
    snippets,
    missing,
    providers,
    commands: commandsTable,
    collections,
    messages,
    output,
    /** Opens a document as the editor would: adds it to textDocuments and fires the event. */
    openDocument(filePath, languageId, text) {
      const doc = new TextDocument(Uri.file(filePath), languageId, text);
      doc._id = ++docCounter;
      // As in VS Code: the editor tab first, then the document event.
      const tab = { label: path.basename(filePath), group: tabGroup, input: new TabInputText(doc.uri),
        isActive: true, isDirty: false, isPinned: false, isPreview: false };
      tabGroup.tabs.push(tab);
      tabGroup.activeTab = tab;
      events['tabGroups.onDidChangeTabs']?.fire({ opened: [tab], closed: [], changed: [] });
      textDocuments.push(doc);
      events['workspace.onDidOpenTextDocument']?.fire(doc);
      return doc;
    },
    /** Replaces `range` with `newText` and fires onDidChangeTextDocument. */
    editDocument(doc, range, newText) {
      const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
      const rangeLength = end - start;
      doc._text = doc._text.slice(0, start) + newText + doc._text.slice(end);
      doc.version++;
      events['workspace.onDidChangeTextDocument']?.fire({
        document: doc, reason: undefined,
        contentChanges: [{ range, rangeOffset: start, rangeLength, text: newText }],
      });
    },
    closeDocument(doc) {
      const i = textDocuments.indexOf(doc);
      if (i >= 0) textDocuments.splice(i, 1);
      doc.isClosed = true;
      const t = tabGroup.tabs.findIndex((x) => x.input.uri.toString() === doc.uri.toString());
      if (t >= 0) {
        const [tab] = tabGroup.tabs.splice(t, 1);
        events['tabGroups.onDidChangeTabs']?.fire({ opened: [], closed: [tab], changed: [] });
      }
      events['workspace.onDidCloseTextDocument']?.fire(doc);
    },
    changeConfiguration(section) {
      events['workspace.onDidChangeConfiguration']?.fire({
        affectsConfiguration: (s) => section === s || section.startsWith(`${s}.`) || s.startsWith(`${section}.`),
      });
    },
    /** A file was created, changed or deleted on disk: tells the watchers whose glob matches. */
    fileEvent(kind, filePath) {
      const uri = Uri.file(filePath);
      let told = 0;
      for (const w of watchers) {
        if (!w.disposed && globMatch(w.glob, uri.fsPath)) { w[kind].fire(uri); told++; }
      }
      return told;
    },
    provider(kind) { return providers.find((p) => p.kind === kind); },
    /** Diagnostics of a URI from whichever collection holds them. */
    diagnostics(uri) {
      for (const c of collections) { const d = c.get(uri); if (d && d.length) return d; }
      return undefined;
    },
    /** Resolves with the next diagnostics update for `uri` that satisfies `pred`. */
    waitForDiagnostics(uri, pred, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = test.diagnostics(uri) || [];
          if (pred(d)) { clearTimeout(timer); sub.dispose(); resolve(d); return true; }
          return false;
        };
        if (!events.diagnostics) events.diagnostics = new EventEmitter();
        const sub = events.diagnostics.event(() => check());
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; have ${JSON.stringify(test.diagnostics(uri))}`));
        }, timeoutMs);
        check();
      });
    },
    token() { return new CancellationTokenSource().token; },
    extensionContext(extensionPath) {
      const memento = () => {
        const m = new Map();
        return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: (k, v) => { m.set(k, v); return Promise.resolve(); }, keys: () => [...m.keys()], setKeysForSync() {} };
      };
      return {
        subscriptions: [],
        extensionPath,
        extensionUri: Uri.file(extensionPath),
        asAbsolutePath: (p) => path.join(extensionPath, p),
        globalState: memento(),
        workspaceState: memento(),
        storagePath: undefined, globalStoragePath: '/tmp', logPath: '/tmp',
        extensionMode: 3,
        environmentVariableCollection: { replace() {}, append() {}, prepend() {}, clear() {} },
        secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve() },
      };
    },
  };

  return { vscode, test };
}

/** Makes require('vscode') return `vscode` from now on. */
function installStub(vscode) {
  const original = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return vscode;
    return original.call(this, request, parent, isMain);
  };
  return () => { Module._load = original; };
}

module.exports = { createStub, installStub };
