// Starts `nxsh lsp` (JSON-RPC over stdio) for .nxs files. The server never sends a
// state-changing call, so opening a runbook is always safe.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('nxsh');
  const args = ['lsp'];
  const profile = config.get('profile');
  if (profile) args.unshift('--profile', profile);
  const server = { command: config.get('path') || 'nxsh', args, transport: TransportKind.stdio };
  client = new LanguageClient('nxsh', 'nxsh language server', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'nxsh' }, { scheme: 'untitled', language: 'nxsh' }],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
