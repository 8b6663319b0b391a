#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
/* Always with the directory: GNU readline's headers may also be installed. */
#include <editline/readline.h>

/* ioctl is variadic, which Swift cannot call: columns of the terminal on fd, 0 if none. */
static inline int nxsh_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
#endif
