// The copydesk extension: starts `copydesk lsp` and connects it to Markdown and
// plain-text documents through vscode-languageclient. Everything the editor
// shows (diagnostics, hover, code actions, inlay hints, symbols, code lens)
// comes from the server; this file only starts it and passes the settings on.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

/** The settings section the server reads (initializationOptions, workspace/configuration). */
export const SECTION = 'copydesk';

/** The keys of the section that are the server's; the others belong to the extension. */
export const SERVER_KEYS = [
  'rules',
  'style',
  'names',
  'attribution',
  'claims',
  'markdown',
  'inlayHints',
  'codeLens',
  'maxHints',
  'sources',
] as const;

/** The languages copydesk checks. */
export const LANGUAGES = ['markdown', 'plaintext'];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/**
 * The client command the server's "Add an attribution" quick fix runs: (uri, version, range,
 * snippet). vscode-languageclient applies no snippet edits, so the extension inserts the snippet
 * itself and the writer types the speaker over the SPEAKER placeholder.
 */
export const INSERT_SNIPPET_COMMAND = 'copydesk.insertSnippet';

/** The server's settings for one resource (or the window), without the extension's own keys. */
export function serverSettings(scope?: vscode.Uri | null): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? undefined);
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const value = config.get(key);
    if (value !== undefined && value !== null) settings[key] = value;
  }
  return settings;
}

function workspaceFolder(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

/**
 * The command to run: `copydesk.serverPath` with `~` and `${workspaceFolder}`
 * expanded. A bare name is left to the PATH lookup; a relative path is taken
 * from the first workspace folder.
 */
export function resolveServerPath(setting: string | undefined): string {
  let command = (setting ?? '').trim();
  if (command === '') command = 'copydesk';
  const folder = workspaceFolder();
  if (folder !== undefined) command = command.split('${workspaceFolder}').join(folder);
  if (command === '~' || command.startsWith('~/')) command = path.join(os.homedir(), command.slice(1));
  if (command.includes('/') && !path.isAbsolute(command) && folder !== undefined) {
    command = path.resolve(folder, command);
  }
  return command;
}

/**
 * The configuration file; the server checks it when open, and asks VS Code to watch it
 * (client/registerCapability) so that a change applies at once.
 */
export const CONFIG_FILE_GLOB = '**/.copydesk.json';

type Filter = { scheme: string; language: string } | { scheme: string; pattern: string };

/**
 * Which documents the server checks. `copydesk.files` (globs) when set; otherwise Markdown
 * (files and untitled), and `.txt` files only in a workspace with a `.copydesk.json`: elsewhere
 * plain text is logs and requirements files, not articles.
 */
export function documentSelector(files: readonly string[] | undefined, deskWorkspace: boolean): Filter[] {
  const selector: Filter[] = [];
  if (files !== undefined && files.length > 0) {
    for (const pattern of files) selector.push({ scheme: 'file', pattern });
  } else {
    selector.push({ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' });
    if (deskWorkspace) selector.push({ scheme: 'file', pattern: '**/*.txt' });
  }
  selector.push({ scheme: 'file', pattern: CONFIG_FILE_GLOB });
  return selector;
}

async function hasConfigFile(): Promise<boolean> {
  try {
    return (await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 1)).length > 0;
  } catch {
    return false;
  }
}

/** Says "this client can insert snippets through INSERT_SNIPPET_COMMAND" in the capabilities. */
const snippetFeature = {
  fillClientCapabilities(capabilities: { experimental?: unknown }): void {
    const experimental = (capabilities.experimental ?? {}) as Record<string, unknown>;
    experimental.copydesk = { insertSnippetCommand: INSERT_SNIPPET_COMMAND };
    capabilities.experimental = experimental;
  },
  initialize(): void {},
  getState(): { kind: 'static' } {
    return { kind: 'static' };
  },
  clear(): void {},
};

async function insertSnippet(uri: string, version: number, range: unknown, snippet: string): Promise<void> {
  const c = client;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (c === undefined || doc === undefined || doc.version !== version) {
    void vscode.window.showWarningMessage('copydesk: the article changed since the quick fix was offered; try it again.');
    return;
  }
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(snippet), c.protocol2CodeConverter.asRange(range as never));
}

async function createClient(): Promise<LanguageClient> {
  const files = vscode.workspace.getConfiguration(SECTION).get<string[]>('files');
  const selector = documentSelector(files, await hasConfigFile());
  const command = resolveServerPath(vscode.workspace.getConfiguration(SECTION).get<string>('serverPath'));
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: serverSettings(),
    middleware: {
      workspace: {
        // workspace/configuration: answer the `copydesk` section with the server's keys only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item === undefined || item.section !== SECTION) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(scope);
          });
        },
      },
    },
  };
  const c = new LanguageClient(SECTION, 'copydesk', serverOptions, clientOptions);
  c.registerFeature(snippetFeature);
  return c;
}

async function startClient(): Promise<void> {
  const c = await createClient();
  client = c;
  try {
    await c.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const setting = vscode.workspace.getConfiguration(SECTION).get<string>('serverPath');
    void vscode.window
      .showErrorMessage(
        `copydesk: could not start the server (${setting || 'copydesk'} lsp): ${message}. ` +
          'Install copydesk or set "copydesk.serverPath".',
        'Open Settings',
      )
      .then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.serverPath');
        }
      });
    throw err;
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined && c.state !== State.Stopped) await c.stop();
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

/** What activate() returns: lets other extensions and the tests reach the client. */
export interface CopydeskApi {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  output = vscode.window.createOutputChannel('copydesk');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', () => restartClient()),
    vscode.commands.registerCommand('copydesk.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, insertSnippet),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      if (event.affectsConfiguration(`${SECTION}.serverPath`) || event.affectsConfiguration(`${SECTION}.files`)) {
        await restartClient();
        return;
      }
      const c = client;
      if (c === undefined || c.state !== State.Running) return;
      if (SERVER_KEYS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) {
        await c.sendNotification('workspace/didChangeConfiguration', {
          settings: { [SECTION]: serverSettings() },
        });
      }
    }),
    { dispose: () => void stopClient() },
  );
  try {
    await startClient();
  } catch {
    // Reported to the user in startClient; the commands stay, so a fixed
    // serverPath (or "copydesk: Restart Server") brings the server back.
  }
  return { client: () => client, restart: restartClient };
}

export function deactivate(): Thenable<void> | undefined {
  return client !== undefined ? stopClient() : undefined;
}
