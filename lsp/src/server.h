/* copydesk language server: LSP 3.17 over stdin/stdout.
 *
 * The server is a thin shell around the analyzer: it reads JSON-RPC messages
 * from stdin, keeps the open documents, and answers with diagnostics, hovers,
 * code actions, inlay hints, symbols and code lenses. stdout carries protocol
 * only; logs go to stderr.
 */
#ifndef COPYDESK_LSP_SERVER_H
#define COPYDESK_LSP_SERVER_H

/* Runs the server on stdin/stdout until `exit` or end of input.
 * `argc`/`argv` are the arguments after the subcommand (currently unused).
 * Returns the process exit status: 0 after shutdown then exit, 1 for exit
 * without shutdown or end of input. */
int cd_server_main(int argc, char **argv);

/* The same on other descriptors (borrowed, never closed): a session read from `in_fd` with
 * answers written to `out_fd`. Used by cd_server_main and by the session fuzzer. */
int cd_server_run(int in_fd, int out_fd);

#endif
