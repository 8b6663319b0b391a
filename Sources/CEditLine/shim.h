#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* Always with the directory: GNU readline's headers may also be installed. */
#include <editline/readline.h>
#endif
