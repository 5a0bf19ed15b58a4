/* bench-quote-floor.c
 *
 * Copyright 2026 The Deals authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The whole-process floor for bench-quote: a program that links Pango and
 * cairo only, reads the lines of a quote's text from LINES and draws them
 * into OUTPUT.pdf, as bench-floor.h does in process. It shows what any
 * process that lays a quote out with Pango pays at least: loading its
 * libraries, fontconfig reading its configuration, the fonts loaded and
 * shaped for the first time. */

#include <glib.h>

#include "bench-floor.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (argc != 3 || !g_file_get_contents (argv[1], &text, NULL, NULL))
    {
      g_printerr ("usage: bench-quote-floor LINES OUTPUT.pdf\n");
      return 2;
    }

  lines = g_strsplit (text, "\n", -1);
  bench_floor_render (lines, argv[2]);

  return 0;
}
