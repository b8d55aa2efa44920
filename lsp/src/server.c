/* Placeholder until the server loop lands: lets main.c link. */
#include "server.h"

int cd_server_main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  return 1;
}
